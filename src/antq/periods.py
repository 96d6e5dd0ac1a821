"""Deprecated: ``antq.periods`` is :mod:`antq.core.periods`; the assessment windows are
:mod:`antq.safety.windows` and the articles that define them."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "ASSESSMENT_WINDOWS": "antq.safety.windows",
        "AnnualWindow": "antq.core.periods",
        "MonthEndPolicy": "antq.core.periods",
        "Period": "antq.core.periods",
        "TEAM_RATING_WINDOW": "antq.core.periods",
        "add_months": "antq.core.periods",
        "add_years": "antq.core.periods",
        "assessment_period": "antq.safety.windows",
        "parse_iso_date": "antq.core.periods",
        "quarter_one": "antq.core.periods",
        "school_year_period": "antq.safety.tt23_2012.article_9_assessment_windows",
    },
)
