"""The registry: every legal instrument the antq specification names, with what is known.

Sources are the specification files (safe-standard.md, emulation-awards.md,
entities.md), which cite the primary or secondary source of each fact. Titles are
paraphrased. A date the specification does not give, or marks UNCONFIRMED without a
value, is ``None`` and listed in ``unconfirmed``; a date given from a single or
secondary source with an UNCONFIRMED mark is kept and also listed there.

Local instruments (a province's decision, a district's guidance) are registered with
their locality, because their numbers repeat from place to place: the key of Bắc
Ninh's 514/QĐ-UBND is ``"514/QĐ-UBND (Bắc Ninh)"``.

An instrument whose number the specification marks UNCONFIRMED (the 2024 law on fire
prevention, 55/2024/QH15?) is registered under that number with ``"number"`` in
``unconfirmed`` and the confirmation UNCONFIRMED, so a citation of it says how sure
it is. Instruments the specification names without any number (the 2008 Ordinance
on commune police) cannot be registered: the number is the registry key.

>>> get_instrument("124/2021/TT-BCA").effective
datetime.date(2022, 2, 10)
>>> repealed_by("23/2012/TT-BCA").number
'124/2021/TT-BCA'
>>> in_force_on("23/2012/TT-BCA", date(2022, 2, 10))
False
>>> in_force_on("48/2025/TT-BCA", date(2026, 1, 1)) is None
True
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

from antq.confirmation import Confirmation
from antq.errors import CitationError, DefinitionError
from antq.law.instruments import ArticleShape, Instrument, InstrumentKind, Issuer

_K = InstrumentKind
_I = Issuer
CONFIRMED: Final = Confirmation.CONFIRMED
PARTIAL: Final = Confirmation.PARTIAL
UNCONFIRMED: Final = Confirmation.UNCONFIRMED

_NO_DATES: Final = ("signed", "effective")


def _shape(clauses: int | None = None, **points: str) -> ArticleShape:
    """``_shape(4, k3="abcdđeg")``: an article with 4 clauses, clause 3 with points a-g."""
    return ArticleShape(
        clauses=clauses,
        points={int(key.removeprefix("k")): tuple(letters) for key, letters in points.items()},
    )


def _mentioned(*articles: int) -> dict[int, ArticleShape]:
    """Articles the specification mentions, with nothing known of their clauses."""
    return {article: ArticleShape() for article in articles}


# --- The "An toàn về an ninh, trật tự" standard (safe-standard.md) -------------------------

_SAFE_STANDARD: Final[tuple[Instrument, ...]] = (
    Instrument(
        number="23/2012/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi=(
            "Quy định về khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, nhà trường"
            " đạt tiêu chuẩn “An toàn về an ninh, trật tự”"
        ),
        title_en=(
            "Residential areas, communes, agencies, enterprises and schools meeting the"
            " 'safe for security and order' standard (predecessor of TT 124/2021)"
        ),
        signed=date(2012, 4, 27),
        effective=date(2012, 6, 18),
        articles={
            1: ArticleShape(),
            2: ArticleShape(),
            3: ArticleShape(),
            5: ArticleShape(),
            6: ArticleShape(),
            7: ArticleShape(),
            8: ArticleShape(),
            9: ArticleShape(),
        },
        confirmation=PARTIAL,
        unconfirmed=("effective", "article_count"),
        note=(
            "Signed by Trần Đại Quang (S15). In force 18/06/2012 per S15 metadata, not checked"
            " against the circular's own effect clause. Điều 1-3 and 5-9 are cited by the spec;"
            " the article count, Điều 4 and the clause split are not confirmed. Replaced from"
            " 10/02/2022 by TT 124/2021 (its Điều 11)."
        ),
    ),
    Instrument(
        number="124/2021/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi=(
            "Quy định về khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục"
            " đạt tiêu chuẩn “An toàn về an ninh, trật tự”"
        ),
        title_en=(
            "Residential areas, communes, agencies, enterprises and educational institutions"
            " meeting the 'safe for security and order' standard"
        ),
        signed=date(2021, 12, 28),
        effective=date(2022, 2, 10),
        repeals=("23/2012/TT-BCA",),
        article_count=12,
        articles={
            1: _shape(2, k2="abc"),
            2: _shape(4),
            3: _shape(3),
            4: _shape(5, k3="abcdđeg", k4="abcd"),
            5: _shape(4),
            6: _shape(5, k3="abcdđegh"),
            7: _shape(6),
            8: _shape(2),
            9: _shape(2, k1="abcd", k2="ab"),
            10: _shape(5),
            11: _shape(),
            12: _shape(),
        },
        confirmation=CONFIRMED,
        note=(
            "Signed by Tô Lâm. Full text of Điều 1-10 confirmed (S1, codified law); only the"
            " first sentence of Điều 11-12, so their clauses are unknown. Points are recorded"
            " only where the spec lists them. Chapter count unconfirmed. Amended by"
            " TT 48/2025/TT-BCA (Điều 9 k1 a routing)."
        ),
    ),
    Instrument(
        number="48/2025/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Sửa đổi Thông tư 09/2024/TT-BCA và Thông tư 124/2021/TT-BCA",
        title_en=(
            "Amending TT 09/2024/TT-BCA (mass-mobilisation work) and TT 124/2021/TT-BCA"
            " for the two-tier local government"
        ),
        signed=None,
        effective=None,
        amends=("09/2024/TT-BCA", "124/2021/TT-BCA"),
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note=(
            "Existence and both amendments confirmed (S9). Signed in 2025 (year CONFIRMED by its"
            " number, addendum D2); 'after 26/03/2025' and 'about June-July 2025' are inferences;"
            " effective date unknown. Replacement wording of TT 124 Điều 9 k1 a not available."
        ),
    ),
    Instrument(
        number="09/2024/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Công tác vận động quần chúng của Công an nhân dân",
        title_en="Mass-mobilisation work of the police",
        signed=date(2024, 3, 13),
        effective=date(2024, 5, 1),
        confirmation=CONFIRMED,
        note=(
            "Dates confirmed (addendum-2026-12.md D3). Its subjects were rewritten by"
            " TT 48/2025: MPS units, provincial police and 'Công an xã, phường, đặc khu'."
        ),
    ),
    Instrument(
        number="12/HD-BCA-V05",
        kind=_K.GUIDANCE,
        issuer=_I.MPS_V05,
        title_vi="Hướng dẫn tiêu chí số 4 “An ninh, trật tự đô thị” của đô thị văn minh",
        title_en="Guidance on criterion 4 'urban security and order' of the civilised-urban standard",
        signed=date(2024, 5, 21),
        effective=date(2024, 5, 21),
        confirmation=CONFIRMED,
        note=(
            "Signed by Lê Quốc Hùng. Guidance, not a legal normative document. Implements"
            " QĐ 04/2022/QĐ-TTg; issued on the basis of CV 1624/BVHTTDL-VHCS (S18)."
        ),
    ),
    Instrument(
        number="04/HD-BCA-V05",
        kind=_K.GUIDANCE,
        issuer=_I.MPS_V05,
        title_vi="Hướng dẫn tiêu chí an ninh, trật tự (19.2) của xã nông thôn mới",
        title_en="Guidance on the security-and-order criterion 19.2 of new-rural communes",
        signed=date(2024, 3, 18),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Cites TT 124/2021 Điều 4 k3. Effective date not given.",
    ),
    Instrument(
        number="318/QĐ-TTg",
        kind=_K.DECISION,
        issuer=_I.PRIME_MINISTER,
        title_vi="Bộ tiêu chí quốc gia về xã nông thôn mới, xã nông thôn mới nâng cao 2021-2025",
        title_en="National criteria for new-rural and advanced new-rural communes, 2021-2025",
        signed=date(2022, 3, 8),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Indicator 19.2 on security and order (S20); exact wording unconfirmed.",
    ),
    Instrument(
        number="926/QĐ-TTg",
        kind=_K.DECISION,
        issuer=_I.PRIME_MINISTER,
        title_vi="Chương trình nâng cao chất lượng tiêu chí an ninh trong xây dựng nông thôn mới",
        title_en="Programme to improve the security criterion in new-rural building",
        signed=date(2022, 8, 2),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Aggregate targets to end-2025 (S20, via Cà Mau's page).",
    ),
    Instrument(
        number="3371/BCA-V05",
        kind=_K.OFFICIAL_LETTER,
        issuer=_I.MPS_V05,
        title_vi="Xác định xã không phức tạp về an ninh, trật tự trong xây dựng nông thôn mới",
        title_en="Identifying communes 'not complex in security and order' for new-rural building",
        signed=date(2022, 9, 26),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Ties the new-rural security indicator to TT 124 Điều 5 (S19).",
    ),
    Instrument(
        number="04/2022/QĐ-TTg",
        kind=_K.DECISION,
        issuer=_I.PRIME_MINISTER,
        title_vi="Tiêu chí, trình tự, thủ tục xét công nhận đạt chuẩn đô thị văn minh",
        title_en="Criteria and procedure for recognising 'civilised urban' units",
        signed=date(2022, 2, 18),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Criterion 4 is guided by HD 12/HD-BCA-V05 (S18).",
    ),
    Instrument(
        number="1624/BVHTTDL-VHCS",
        kind=_K.OFFICIAL_LETTER,
        issuer=_I.MINISTRY_OF_CULTURE,
        title_vi="Công văn về thực hiện tiêu chí đô thị văn minh",
        title_en="Official letter on implementing the civilised-urban criteria",
        signed=date(2023, 4, 26),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Named only as the basis of HD 12/HD-BCA-V05 (S18).",
    ),
    Instrument(
        number="35/2016/TT-BNNPTNT",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_AGRICULTURE,
        title_vi="Yêu cầu an ninh đối với huyện nông thôn mới 2016-2020",
        title_en="Security requirements for new-rural districts, 2016-2020",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="Background only (safe-standard §6.2).",
    ),
    Instrument(
        number="80/2021/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết Luật Hỗ trợ doanh nghiệp nhỏ và vừa",
        title_en="Detailing the Law on Support for Small and Medium-sized Enterprises",
        signed=None,
        effective=None,
        confirmation=UNCONFIRMED,
        unconfirmed=_NO_DATES,
        note=(
            "Named as the source of the small/micro enterprise size test for TT 124 Điều 1;"
            " that use is UNCONFIRMED in the spec (safe-standard §3.1)."
        ),
    ),
)

# --- Emulation and commendation (emulation-awards.md §1, §1.1) ---------------------------

_EMULATION: Final[tuple[Instrument, ...]] = (
    Instrument(
        number="521/QĐ-TTg",
        kind=_K.DECISION,
        issuer=_I.PRIME_MINISTER,
        title_vi="Lấy ngày 19/8 hằng năm là Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
        title_en="19 August each year as All-People National Security Protection Day",
        signed=date(2005, 6, 13),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "Date 13/06/2005 CONFIRMED (addendum-2026-12.md D13); in force in 2005, day not"
            " given. First Ngày hội 19/8/2005; 2025 was the 20th."
        ),
    ),
    Instrument(
        number="40/2014/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi=(
            "Hướng dẫn công tác thi đua, khen thưởng trong Công an nhân dân, Công an xã, Bảo vệ"
            " dân phố và phong trào toàn dân bảo vệ an ninh Tổ quốc"
        ),
        title_en=(
            "Emulation and commendation in the People's Public Security, commune police,"
            " civil-defence force and the all-people movement"
        ),
        signed=date(2014, 9, 23),
        effective=date(2014, 11, 10),
        confirmation=CONFIRMED,
        note="Amended by TT 17/2015; consolidated in 01/VBHN-BCA; superseded by TT 12/2019.",
    ),
    Instrument(
        number="17/2015/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Sửa đổi, bổ sung Thông tư 40/2014/TT-BCA",
        title_en="Amending TT 40/2014/TT-BCA",
        signed=date(2015, 5, 4),
        effective=date(2015, 6, 20),
        amends=("40/2014/TT-BCA",),
        confirmation=CONFIRMED,
    ),
    Instrument(
        number="01/VBHN-BCA",
        kind=_K.CONSOLIDATED_TEXT,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Văn bản hợp nhất Thông tư 40/2014/TT-BCA và Thông tư 17/2015/TT-BCA",
        title_en="Consolidated text of TT 40/2014/TT-BCA and TT 17/2015/TT-BCA",
        signed=date(2015, 7, 14),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="A consolidation has no effective date of its own; expired with TT 40/2014.",
    ),
    Instrument(
        number="35/2015/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Mẫu hiện vật khen thưởng trong Công an nhân dân",
        title_en="Designs of award artefacts in the People's Public Security",
        signed=date(2015, 7, 28),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="12/2019/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Quy định công tác thi đua, khen thưởng trong Công an nhân dân",
        title_en="Emulation and commendation in the People's Public Security",
        signed=date(2019, 5, 29),
        effective=None,
        repeals=("40/2014/TT-BCA",),
        articles=_mentioned(2, 8),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "Signed 29/05/2019 (addendum D34); effective date unknown. Whether it kept a chapter on the movement is"
            " unconfirmed. Replaced by TT 04/2024 (completeness unconfirmed)."
        ),
    ),
    Instrument(
        number="9033/QĐ-BCA",
        kind=_K.DECISION,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Danh mục văn bản quy phạm pháp luật của Bộ Công an hết hiệu lực đến 31/12/2019",
        title_en="List of Ministry of Public Security legal documents expired by 31/12/2019",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note=(
            "2020 (cited as 9033/QĐ-BCA/2020); exact dates unknown. Cited as a source that"
            " TT 40/2014 had expired by 31/12/2019."
        ),
    ),
    Instrument(
        number="142/2020/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Mẫu, việc đổi, cấp lại hiện vật khen thưởng trong Công an nhân dân",
        title_en="Designs, exchange and re-issue of award artefacts in the People's Public Security",
        signed=date(2020, 12, 28),
        effective=None,
        repeals=("35/2015/TT-BCA",),
        confirmation=PARTIAL,
        unconfirmed=("effective", "repeals"),
        note="The link replacing TT 35/2015 is unconfirmed. Amended by TT 22/2025.",
    ),
    Instrument(
        number="11/2021/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”",
        title_en="Commemorative medal 'Protecting National Security'",
        signed=date(2021, 1, 26),
        effective=None,
        articles=_mentioned(4, 5),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "Movement branch is Điều 4 k1 b-c (an inference from a provincial guide)."
            " Replaced in 2025 by TT 20/2025."
        ),
    ),
    Instrument(
        number="510/QĐ-BCA-V05",
        kind=_K.DECISION,
        issuer=_I.MPS_V05,
        title_vi="Quy định tiêu chí đánh giá, phân loại phong trào toàn dân bảo vệ an ninh Tổ quốc",
        title_en="Criteria for scoring and classifying the all-people movement",
        signed=date(2022, 1, 20),
        effective=None,
        articles={7: ArticleShape(), 11: _shape(3)},
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "Signed by Minister Tô Lâm. Điều 7 (agencies, 100 points) and Điều 11 k1-3"
            " (procedure, deadlines) confirmed; the rest of the article map is inferred."
        ),
    ),
    Instrument(
        number="47/TTr-V05-P2",
        kind=_K.SUBMISSION,
        issuer=_I.MPS_V05,
        title_vi="Tờ trình đề xuất quy định tiêu chí đánh giá, phân loại phong trào",
        title_en="Submission proposing the criteria for scoring and classifying the movement",
        signed=date(2022, 1, 17),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "By the Director of V05; the proposal behind QĐ 510/QĐ-BCA-V05. A submission has"
            " no legal effect of its own, so it has no effective date."
        ),
    ),
    Instrument(
        number="06/2022/QH15",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Thi đua, khen thưởng",
        title_en="Law on Emulation and Commendation",
        signed=date(2022, 6, 15),
        effective=date(2024, 1, 1),
        articles=_mentioned(25, 27, 55, 56, 74, 75, 80),
        confirmation=CONFIRMED,
        note=(
            "Replaced the 2003 law and its 2005 and 2013 amendments. Articles listed are those"
            " the spec cites; their clause structure is not recorded."
        ),
    ),
    Instrument(
        number="98/2023/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết thi hành Luật Thi đua, khen thưởng",
        title_en="Detailing the Law on Emulation and Commendation",
        signed=date(2023, 12, 31),
        effective=date(2024, 1, 1),
        articles=_mentioned(54),
        confirmation=CONFIRMED,
        note="Điều 54: reward money. Replaced by NĐ 152/2025 from 01/07/2025.",
    ),
    Instrument(
        number="02/2024/TT-VKSTC",
        kind=_K.CIRCULAR,
        issuer=_I.SUPREME_PROCURACY,
        title_vi="Thông tư của Viện kiểm sát nhân dân tối cao viện dẫn Luật Thi đua, khen thưởng",
        title_en="Supreme People's Procuracy circular citing the Law on Emulation and Commendation",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note=(
            "Named only because it cites 'Điều 27 Luật Thi đua, khen thưởng', which confirms the"
            " article numbering of Law 06/2022/QH15. Its subject and dates are not in the spec."
        ),
    ),
    Instrument(
        number="04/2024/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi=(
            "Quy định công tác thi đua, khen thưởng trong Công an nhân dân và phong trào toàn"
            " dân bảo vệ an ninh Tổ quốc"
        ),
        title_en="Emulation and commendation in the People's Public Security and the movement",
        signed=None,
        effective=None,
        repeals=("12/2019/TT-BCA",),
        confirmation=PARTIAL,
        unconfirmed=("number", "signed", "effective", "repeals"),
        note=(
            "Existence confirmed (MPS training, April 2024); number, date and effective date"
            " of the final text unconfirmed, as is a full replacement of TT 12/2019."
        ),
    ),
    Instrument(
        number="20/2025/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”",
        title_en="Commemorative medal 'Protecting National Security'",
        signed=date(2025, 3, 14),
        effective=date(2025, 4, 28),
        repeals=("11/2021/TT-BCA",),
        article_count=9,
        confirmation=PARTIAL,
        unconfirmed=("repeals",),
        note=(
            "3 chapters, 9 articles. Covers the subject of TT 11/2021; whether it expressly"
            " repeals TT 11/2021 is unconfirmed (KNC rule: TT 11/2021 until 27/04/2025)."
        ),
    ),
    Instrument(
        number="22/2025/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Sửa đổi Thông tư 142/2020/TT-BCA về hiện vật khen thưởng",
        title_en="Amending TT 142/2020/TT-BCA on award artefacts",
        signed=date(2025, 3, 26),
        effective=date(2025, 5, 10),
        amends=("142/2020/TT-BCA",),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Effective date from a single Korean-language report.",
    ),
    Instrument(
        number="06/CT-BCA-V05",
        kind=_K.DIRECTIVE,
        issuer=_I.MPS_V05,
        title_vi=(
            "Nâng cao chất lượng phong trào toàn dân bảo vệ an ninh Tổ quốc trong cơ quan,"
            " doanh nghiệp, cơ sở giáo dục"
        ),
        title_en="Improving the movement in agencies, enterprises and educational institutions",
        signed=date(2025, 5, 7),
        effective=date(2025, 5, 7),
        confirmation=CONFIRMED,
        note="Policy only; no award rules identified.",
    ),
    Instrument(
        number="152/2025/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Phân cấp, phân quyền và quy định chi tiết Luật Thi đua, khen thưởng",
        title_en="Decentralisation in emulation and commendation and details of the Law",
        signed=date(2025, 6, 14),
        effective=date(2025, 7, 1),
        repeals=("98/2023/NĐ-CP",),
        articles=_mentioned(1, 4),
        confirmation=PARTIAL,
        unconfirmed=("repeals",),
        note="Replaces NĐ 98/2023 from 01/07/2025; completeness of the replacement unconfirmed.",
    ),
    Instrument(
        number="01/HD-BCA-V05",
        kind=_K.GUIDANCE,
        issuer=_I.MPS_V05,
        title_vi="Tiêu chí đánh giá, xếp loại lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
        title_en="Criteria for rating grassroots security-and-order teams and members",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note=(
            "Year 2026 CONFIRMED (addendum D4, Japanese edition: Mục IV tiểu mục 1); day and"
            " effective date unknown, so it governs the 2026 rating year on. Four rating levels;"
            " period 15/11-14/11; cap 20% of those rated good, teams and members."
        ),
    ),
    Instrument(
        number="22/HD-BCA-V05",
        kind=_K.GUIDANCE,
        issuer=_I.MPS_V05,
        title_vi="Xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào",
        title_en="Building, recognising and replicating models and advanced exemplars",
        signed=date(2022, 11, 18),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="9745/QĐ-BCA-V05",
        kind=_K.DECISION,
        issuer=_I.MPS_V05,
        title_vi="Tiêu chí tạm thời xây dựng xã, phường, thị trấn điển hình về phong trào",
        title_en="Provisional criteria for 'typical' communes of the movement",
        signed=date(2022, 12, 28),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="34 criteria. Date per entities.md; emulation-awards.md gives only the year.",
    ),
    # --- the law on emulation before 2024 (addendum-2026-12.md §8.1) ---
    Instrument(
        number="15/2003/QH11",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Thi đua, khen thưởng (2003)",
        title_en="Law on Emulation and Commendation (2003)",
        signed=date(2003, 11, 26),
        effective=date(2004, 7, 1),
        confirmation=CONFIRMED,
        note=(
            "Passed 26/11/2003, signed by Nguyễn Văn An, Công báo 230-231 of 30/12/2003; in"
            " force 01/07/2004; ceased 01/01/2024 (Law 06/2022 Điều 94 k2). Chương IV opens"
            " with the authority ladder; its article numbers are not confirmed (probably"
            " Điều 77-81), so it is cited as a whole."
        ),
    ),
    Instrument(
        number="47/2005/QH11",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng (2005)",
        title_en="Law amending the Law on Emulation and Commendation (2005)",
        signed=date(2005, 6, 14),
        effective=date(2005, 6, 27),
        amends=("15/2003/QH11",),
        confirmation=CONFIRMED,
        note=(
            "Passed 14/06/2005; in force 27/06/2005 as the consolidation 05/VBHN-VPQH gives it."
            " Whether it changed the authority provisions is not confirmed."
        ),
    ),
    Instrument(
        number="32/2009/QH12",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật sửa đổi, bổ sung (2009) liên quan Luật Thi đua, khen thưởng",
        title_en="2009 law amending, among others, the Law on Emulation and Commendation",
        signed=date(2009, 6, 18),
        effective=None,
        amends=("15/2003/QH11",),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Listed among the amending laws (addendum D25, D27); its content here is unknown.",
    ),
    Instrument(
        number="39/2013/QH13",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng (2013)",
        title_en="Law amending the Law on Emulation and Commendation (2013)",
        signed=date(2013, 11, 16),
        effective=date(2014, 6, 1),
        amends=("15/2003/QH11",),
        confirmation=CONFIRMED,
        note=(
            "Passed 16/11/2013, in force 01/06/2014; amends 47 articles, adds Điều 91a and"
            " revises the authority rules (the revised text is not available to antq)."
        ),
    ),
    Instrument(
        number="121/2005/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết và hướng dẫn thi hành Luật Thi đua, khen thưởng",
        title_en="Detailing the Law on Emulation and Commendation (2005)",
        signed=date(2005, 9, 30),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "Scope includes authority to decide and present awards (addendum D28); in-force"
            " date and its replacement by NĐ 42/2010 not confirmed."
        ),
    ),
    Instrument(
        number="42/2010/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết thi hành Luật Thi đua, khen thưởng",
        title_en="Detailing the Law on Emulation and Commendation (2010)",
        signed=date(2010, 4, 15),
        effective=None,
        articles=_mentioned(40),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "Its scope does not list authority (addendum D29). Amended by NĐ 39/2012; listed"
            " articles repealed by NĐ 65/2014 from 20/08/2014."
        ),
    ),
    Instrument(
        number="39/2012/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Sửa đổi, bổ sung Nghị định 42/2010/NĐ-CP",
        title_en="Amending Decree 42/2010/NĐ-CP",
        signed=date(2012, 4, 27),
        effective=None,
        amends=("42/2010/NĐ-CP",),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Date confirmed (addendum D30, D33); in-force date unknown.",
    ),
    Instrument(
        number="91/2017/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết Luật Thi đua, khen thưởng (trước năm 2024)",
        title_en="Detailing the earlier Law on Emulation and Commendation (before 2024)",
        signed=date(2017, 7, 31),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "Signed 31/07/2017 (addendum D32). Old rules (15% CSTĐCS cap, 20% Government-flag"
            " cap) quoted for comparison. Replaced by NĐ 98/2023 from 01/01/2024."
        ),
    ),
    Instrument(
        number="65/2014/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết Luật Thi đua, khen thưởng sửa đổi năm 2013",
        title_en="Detailing the 2013 amendment of the earlier Law on Emulation and Commendation",
        signed=date(2014, 7, 1),
        effective=date(2014, 8, 20),
        repeals=("42/2010/NĐ-CP",),
        articles={25: _shape(2), 26: _shape(2, k2="a"), 30: _shape(1)},
        confirmation=PARTIAL,
        unconfirmed=("repeals",),
        note=(
            "Signed 01/07/2014 by Nguyễn Tấn Dũng, in force 20/08/2014 (Điều 30 k1), full text"
            " (addendum D31). Điều 30 k1 repeals only listed articles of NĐ 42/2010. Điều 25"
            " k1-k2 and Điều 26 k2 a give district and commune powers (families' Giấy khen,"
            " Lao động tiên tiến); the clause counts of those articles are not recorded."
        ),
    ),
    Instrument(
        number="06/2026/QH16",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng",
        title_en="Law amending the Law on Emulation and Commendation",
        signed=None,
        effective=None,
        amends=("06/2022/QH15",),
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="Listed by a codified-law index (2026); content and dates unconfirmed.",
    ),
    Instrument(
        number="01/2026/QĐ-TTg",
        kind=_K.DECISION,
        issuer=_I.PRIME_MINISTER,
        title_vi="Quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
        title_en="Detailing some articles of the Law on Emulation and Commendation",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="Listed by a codified-law index (2026); content unconfirmed.",
    ),
    Instrument(
        number="01/2024/TT-BNV",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_HOME_AFFAIRS,
        title_vi="Biện pháp thi hành Luật Thi đua, khen thưởng và Nghị định 98/2023/NĐ-CP",
        title_en="Measures implementing the Law on Emulation and Commendation and NĐ 98/2023",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="Listed by a codified-law index; content unconfirmed.",
    ),
    Instrument(
        number="15/2025/TT-BNV",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_HOME_AFFAIRS,
        title_vi="Hướng dẫn thi hành Luật Thi đua, khen thưởng và Nghị định 152/2025/NĐ-CP",
        title_en="Guidance implementing the Law on Emulation and Commendation and NĐ 152/2025",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="Listed by a codified-law index; content unconfirmed.",
    ),
)

# --- Entities: forces, models, units, statistics (entities.md) ---------------------------

_ENTITIES: Final[tuple[Instrument, ...]] = (
    Instrument(
        number="30/2023/QH15",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
        title_en="Law on Grassroots Security and Order Forces",
        signed=date(2023, 11, 28),
        effective=date(2024, 7, 1),
        articles=_mentioned(2, 5, 6, 7, 8, 13, 14, 15, 16, 17, 22, 23),
        confirmation=CONFIRMED,
        note=(
            "Articles listed are those the spec cites (Art. 9-12 as task groups 3-6 is"
            " inferred, so not listed). Whether it repealed the 2008 Ordinance on commune"
            " police is unconfirmed."
        ),
    ),
    Instrument(
        number="40/2024/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết một số điều của Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở",
        title_en="Detailing the Law on Grassroots Security and Order Forces",
        signed=date(2024, 4, 16),
        effective=None,
        articles=_mentioned(3),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Confirmed: Điều 3 (uniforms), badge and insignia; the rest unconfirmed.",
    ),
    Instrument(
        number="14/2024/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Hồ sơ, thủ tục lựa chọn tổ viên và thành lập Tổ bảo vệ an ninh, trật tự",
        title_en="Selecting members and setting up grassroots security-and-order teams",
        signed=date(2024, 4, 22),
        effective=date(2024, 7, 1),
        confirmation=CONFIRMED,
        note="Applies from 01/07/2024; cites NĐ 40/2024 as its basis.",
    ),
    Instrument(
        number="38/2006/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Về Bảo vệ dân phố",
        title_en="On the ward civil-defence force (Bảo vệ dân phố)",
        signed=date(2006, 4, 17),
        effective=None,
        articles=_mentioned(2, 7, 8),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "The force was folded into the grassroots force on 01/07/2024; the instrument"
            " that repealed this decree is not named in the spec."
        ),
    ),
    Instrument(
        number="73/2009/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết Pháp lệnh Công an xã",
        title_en="Detailing the Ordinance on Commune Police",
        signed=date(2009, 9, 7),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="12/2010/TT-BCA",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_PUBLIC_SECURITY,
        title_vi="Hướng dẫn thi hành Pháp lệnh Công an xã",
        title_en="Implementing the Ordinance on Commune Police",
        signed=date(2010, 4, 8),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="27/2001/QH10",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Phòng cháy và chữa cháy",
        title_en="Law on Fire Prevention and Fighting (2001)",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note=(
            "Amended 2013 (40/2013/QH13). Superseded from 01/07/2025 by the 2024 Law on Fire"
            " Prevention, Fighting, Rescue and Relief (registered as 55/2024/QH15, a number"
            " the spec marks unconfirmed)."
        ),
    ),
    Instrument(
        number="40/2013/QH13",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật sửa đổi, bổ sung một số điều của Luật Phòng cháy và chữa cháy",
        title_en="Law amending the Law on Fire Prevention and Fighting",
        signed=None,
        effective=None,
        amends=("27/2001/QH10",),
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
    ),
    Instrument(
        number="55/2024/QH15",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        title_en="Law on Fire Prevention and Fighting, Rescue and Relief (2024)",
        signed=date(2024, 11, 29),
        effective=date(2025, 7, 1),
        repeals=("27/2001/QH10",),
        article_count=55,
        confirmation=PARTIAL,
        unconfirmed=("repeals",),
        note=(
            "Number, passing 29/11/2024 and in force 01/07/2025 CONFIRMED (addendum-2026-12.md"
            " D16); 8 chapters and 55 articles. Keeps the Đội dân phòng. Whether it repeals"
            " the 2001 law as such is not confirmed."
        ),
    ),
    Instrument(
        number="105/2025/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        title_en="Detailing the Law on Fire Prevention and Fighting, Rescue and Relief",
        signed=date(2025, 5, 15),
        effective=date(2025, 7, 1),
        confirmation=CONFIRMED,
        note=(
            "Details Law 55/2024/QH15; signed 15/05/2025, in force 01/07/2025 (addendum D16,"
            " secondary). Whether it replaces NĐ 136/2020 is not confirmed."
        ),
    ),
    Instrument(
        number="79/2014/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết Luật Phòng cháy và chữa cháy",
        title_en="Detailing the Law on Fire Prevention and Fighting",
        signed=None,
        effective=None,
        articles=_mentioned(32),
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="Điều 32: dân phòng teams. Its successor (136/2020?) is unconfirmed.",
    ),
    Instrument(
        number="06/2014/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Biện pháp vận động quần chúng bảo vệ an ninh quốc gia, giữ gìn trật tự xã hội",
        title_en="Mobilising the masses to protect national security and social order",
        signed=date(2014, 1, 21),
        effective=date(2014, 3, 8),
        confirmation=CONFIRMED,
        note="A legal basis of QĐ 510/QĐ-BCA-V05.",
    ),
    Instrument(
        number="09-CT/TW",
        kind=_K.DIRECTIVE,
        issuer=_I.PARTY_SECRETARIAT,
        title_vi="Chỉ thị của Ban Bí thư về phong trào toàn dân bảo vệ an ninh Tổ quốc",
        title_en="Party Secretariat directive on the all-people movement",
        signed=date(2011, 12, 1),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Party policy basis of the movement.",
    ),
    Instrument(
        number="44-KL/TW",
        kind=_K.CONCLUSION,
        issuer=_I.PARTY_CENTRAL,
        title_vi="Kết luận về phong trào toàn dân bảo vệ an ninh Tổ quốc",
        title_en="Party conclusion on the all-people movement",
        signed=date(2019, 1, 22),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("issuer", "effective"),
        note="The spec does not name the issuing Party body.",
    ),
    Instrument(
        number="35/2013/QH13",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Hòa giải ở cơ sở",
        title_en="Law on Grassroots Mediation",
        signed=date(2013, 6, 20),
        effective=date(2014, 1, 1),
        article_count=33,
        confirmation=CONFIRMED,
        note="5 chapters, 33 articles; replaced the 1998 ordinance.",
    ),
    Instrument(
        number="15/2014/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Quy định chi tiết Luật Hòa giải ở cơ sở",
        title_en="Detailing the Law on Grassroots Mediation",
        signed=None,
        effective=None,
        confirmation=UNCONFIRMED,
        unconfirmed=("number", *_NO_DATES),
        note="Named as the implementing decree; UNCONFIRMED in the spec (entities.md §2.4).",
    ),
    Instrument(
        number="48/2019/QH14",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Dân quân tự vệ",
        title_en="Law on the People's Militia and Self-Defence Force (2019)",
        signed=None,
        effective=date(2020, 7, 1),
        confirmation=UNCONFIRMED,
        unconfirmed=("number", "signed"),
        note="Passed 2019, in force 01/07/2020; the number is UNCONFIRMED (entities.md §1.6).",
    ),
    Instrument(
        number="73/2021/QH14",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Phòng, chống ma túy",
        title_en="Law on Drug Prevention and Control",
        signed=date(2021, 3, 30),
        effective=date(2022, 1, 1),
        article_count=55,
        articles=_mentioned(27, 28, 29),
        confirmation=CONFIRMED,
        note="8 chapters, 55 articles. Điều 27-29: addiction status, rehab forms and stages.",
    ),
    Instrument(
        number="28/2025/QĐ-TTg",
        kind=_K.DECISION,
        issuer=_I.PRIME_MINISTER,
        title_vi="Tiêu chí tuyến, địa bàn trọng điểm phức tạp về ma túy và địa bàn không ma túy",
        title_en="Criteria for drug-complex key areas and drug-free areas",
        signed=date(2025, 8, 24),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="163/2024/QH15",
        kind=_K.RESOLUTION,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030",
        title_en="National target programme on drug prevention and control to 2030",
        signed=date(2024, 11, 27),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="132-KL/TW",
        kind=_K.CONCLUSION,
        issuer=_I.PARTY_CENTRAL,
        title_vi="Kết luận về phòng, chống ma túy",
        title_en="Party conclusion on drug prevention and control",
        signed=date(2025, 3, 18),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("issuer", "effective"),
        note="At least 50% of commune-level units drug-free by end-2030. Issuer not named.",
    ),
    Instrument(
        number="96/2019/QH14",
        kind=_K.RESOLUTION,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Nghị quyết về công tác phòng, chống tội phạm và vi phạm pháp luật",
        title_en="Resolution on crime and violation prevention (targets)",
        signed=date(2019, 11, 27),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Target values (75% / 90% / 90%) are inferred from reports, not from the text.",
    ),
    Instrument(
        number="37/2012/QH13",
        kind=_K.RESOLUTION,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Nghị quyết của Quốc hội về chỉ tiêu phòng, chống tội phạm (giai đoạn trước)",
        title_en="Earlier National Assembly resolution on crime-prevention targets",
        signed=None,
        effective=None,
        confirmation=UNCONFIRMED,
        unconfirmed=_NO_DATES,
        note="Named only as the probable era of an older '>70%' clearance target.",
    ),
    Instrument(
        number="139/QĐ-VKSTC",
        kind=_K.DECISION,
        issuer=_I.SUPREME_PROCURACY,
        title_vi="Hệ thống chỉ tiêu cơ bản đánh giá kết quả công tác nghiệp vụ ngành Kiểm sát",
        title_en="Basic indicator system of the Procuracy (incl. the tip-handling rate)",
        signed=date(2020, 4, 29),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="01/2005/TTLT-VKSTC-TATC-BCA-BQP",
        kind=_K.JOINT_CIRCULAR,
        issuer=_I.JOINT,
        title_vi="Hướng dẫn công tác thống kê hình sự, thống kê tội phạm",
        title_en="Criminal statistics (Procuracy, Court, Public Security, Defence jointly)",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="Successor instrument unconfirmed.",
    ),
    Instrument(
        number="72/2025/QH15",
        kind=_K.LAW,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Luật Tổ chức chính quyền địa phương",
        title_en="Law on the Organisation of Local Government (two levels)",
        signed=date(2025, 6, 16),
        effective=None,
        article_count=54,
        articles=_mentioned(1),
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "7 chapters, 54 articles. Sources disagree on the effective date (16/06/2025 vs"
            " two-level operation from 01/07/2025)."
        ),
    ),
    Instrument(
        number="202/2025/QH15",
        kind=_K.RESOLUTION,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Nghị quyết về sắp xếp đơn vị hành chính cấp tỉnh",
        title_en="Resolution rearranging province-level units (34 units)",
        signed=date(2025, 6, 12),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="203/2025/QH15",
        kind=_K.RESOLUTION,
        issuer=_I.NATIONAL_ASSEMBLY,
        title_vi="Nghị quyết sửa đổi, bổ sung Hiến pháp (chính quyền địa phương hai cấp)",
        title_en="Resolution amending the Constitution (two levels of local government)",
        signed=None,
        effective=None,
        confirmation=UNCONFIRMED,
        unconfirmed=("number", *_NO_DATES),
        note="Passed 06/2025 (day not given); the amended Art. 110 creates the two levels.",
    ),
    Instrument(
        number="1656/NQ-UBTVQH15",
        kind=_K.RESOLUTION,
        issuer=_I.NA_STANDING_COMMITTEE,
        title_vi="Nghị quyết sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội",
        title_en="Resolution rearranging the commune-level units of Hà Nội",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note=(
            "Example (prior-art.md) of the per-province Standing Committee resolutions that old"
            " to new commune mappings must cite; dates not in the spec."
        ),
    ),
    Instrument(
        number="02/2025/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Công an",
        title_en="Functions and structure of the Ministry of Public Security",
        signed=None,
        effective=date(2025, 3, 1),
        confirmation=PARTIAL,
        unconfirmed=("signed",),
    ),
    Instrument(
        number="04/2012/TT-BNV",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_HOME_AFFAIRS,
        title_vi="Tổ chức và hoạt động của thôn, tổ dân phố",
        title_en="Organisation and operation of villages and residential groups",
        signed=date(2012, 8, 31),
        effective=None,
        article_count=15,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="4 chapters, 15 articles. Household thresholds raised by an amending circular.",
    ),
    Instrument(
        number="09/2017/TT-BNV",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_HOME_AFFAIRS,
        title_vi="Sửa đổi Thông tư 04/2012/TT-BNV về thôn, tổ dân phố",
        title_en="Amending TT 04/2012/TT-BNV on villages and residential groups",
        signed=date(2017, 12, 29),
        effective=date(2018, 3, 1),
        amends=("04/2012/TT-BNV",),
        confirmation=UNCONFIRMED,
        unconfirmed=("number",),
        note=(
            "Number as reported by news sources; the spec says it is not settled"
            " (14/2018/TT-BNV is an unconfirmed alternative)."
        ),
    ),
    Instrument(
        number="14/2018/TT-BNV",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_HOME_AFFAIRS,
        title_vi="Số hiệu khác được nêu cho thông tư sửa đổi Thông tư 04/2012/TT-BNV",
        title_en="Alternative number given for the circular amending TT 04/2012/TT-BNV",
        signed=None,
        effective=None,
        confirmation=UNCONFIRMED,
        unconfirmed=("number", *_NO_DATES),
        note=(
            "From background knowledge only (entities.md §4.3). The amendment is registered as"
            " 09/2017/TT-BNV; at most one of the two numbers is right, so this entry carries"
            " no amends link."
        ),
    ),
    Instrument(
        number="05/2022/TT-BNV",
        kind=_K.CIRCULAR,
        issuer=_I.MINISTRY_OF_HOME_AFFAIRS,
        title_vi="Sửa đổi tiếp Thông tư 04/2012/TT-BNV về thôn, tổ dân phố",
        title_en="Later amendment of TT 04/2012/TT-BNV on villages and residential groups",
        signed=None,
        effective=None,
        amends=("04/2012/TT-BNV",),
        confirmation=UNCONFIRMED,
        unconfirmed=("number", *_NO_DATES, "amends"),
        note="The spec marks it UNCONFIRMED; its full text is not available.",
    ),
    Instrument(
        number="268/NQ-CP",
        kind=_K.RESOLUTION,
        issuer=_I.GOVERNMENT,
        title_vi="Nghị quyết của Chính phủ liên quan đến sắp xếp thôn, tổ dân phố",
        title_en="Government resolution underlying the rearrangement of villages and groups",
        signed=date(2025, 8, 31),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Named as a basis of the draft decree on thôn / tổ dân phố; content unconfirmed.",
    ),
    Instrument(
        number="163-KL/TW",
        kind=_K.CONCLUSION,
        issuer=_I.PARTY_CENTRAL,
        title_vi="Kết luận của Đảng, một căn cứ của dự thảo nghị định về thôn, tổ dân phố",
        title_en="Party conclusion, one basis of the draft decree on villages and groups",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("issuer", *_NO_DATES),
        note="Named with 163/186/210-KL/TW and NQ 268/NQ-CP as the basis of the draft decree.",
    ),
    Instrument(
        number="186-KL/TW",
        kind=_K.CONCLUSION,
        issuer=_I.PARTY_CENTRAL,
        title_vi="Kết luận của Đảng, một căn cứ của dự thảo nghị định về thôn, tổ dân phố",
        title_en="Party conclusion, one basis of the draft decree on villages and groups",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("issuer", *_NO_DATES),
        note="Named with 163/186/210-KL/TW and NQ 268/NQ-CP as the basis of the draft decree.",
    ),
    Instrument(
        number="210-KL/TW",
        kind=_K.CONCLUSION,
        issuer=_I.PARTY_CENTRAL,
        title_vi="Kết luận của Đảng, một căn cứ của dự thảo nghị định về thôn, tổ dân phố",
        title_en="Party conclusion, one basis of the draft decree on villages and groups",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("issuer", *_NO_DATES),
        note="Named with 163/186/210-KL/TW and NQ 268/NQ-CP as the basis of the draft decree.",
    ),
    Instrument(
        number="30/2020/NĐ-CP",
        kind=_K.DECREE,
        issuer=_I.GOVERNMENT,
        title_vi="Về công tác văn thư",
        title_en="On clerical work (format of administrative documents)",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="Phụ lục I: the date line of administrative documents.",
    ),
)


# --- Local instruments named as examples of practice (provinces, districts) --------------
# Their numbers repeat from place to place, so each carries its locality in its key.

_P = _I.PROVINCIAL_PEOPLES_COMMITTEE
_S = _I.LOCAL_STEERING_COMMITTEE

_LOCAL: Final[tuple[Instrument, ...]] = (
    Instrument(
        number="5881/HD-BCĐ-CAT",
        locality="Bình Thuận",
        kind=_K.GUIDANCE,
        issuer=_S,
        title_vi="Hướng dẫn xét công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2021",
        title_en="Guidance on the 2021 recognition round of the 'safe for security and order' standard",
        signed=date(2021, 11, 5),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note=(
            "Issued with the provincial police (BCĐ-CAT). Shows the 2021 round was run under"
            " TT 23/2012 (safe-standard.md S17)."
        ),
    ),
    Instrument(
        number="2083/HD-BCĐ",
        locality="Lạng Sơn",
        kind=_K.GUIDANCE,
        issuer=_S,
        title_vi="Hướng dẫn chấm điểm xã, phường, thị trấn đạt tiêu chuẩn “An toàn về ANTT”",
        title_en="Scoring communes for the 'safe for security and order' standard (100 points)",
        signed=date(2012, 9, 28),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Phụ lục 2: criteria I-III confirmed, the rest not available (emulation-awards §5).",
    ),
    Instrument(
        number="252/HD-UBND",
        locality="Mường Chà, Điện Biên",
        kind=_K.GUIDANCE,
        issuer=_I.DISTRICT_PEOPLES_COMMITTEE,
        title_vi="Hướng dẫn chấm điểm thôn, bản đạt tiêu chuẩn “An toàn về ANTT” (điểm trừ)",
        title_en="Village-level scoring for the 'safe' standard, with deductions",
        signed=date(2014, 4, 2),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Deduct 6 points per prohibited occurrence; maxima per item unconfirmed.",
    ),
    Instrument(
        number="1157/QĐ-BCĐ",
        locality="Bắc Giang",
        kind=_K.DECISION,
        issuer=_S,
        title_vi="Triển khai tiêu chí đánh giá, phân loại phong trào của Quyết định 510/QĐ-BCA-V05",
        title_en="Provincial implementation of the movement scoring of QĐ 510/QĐ-BCA-V05",
        signed=date(2022, 6, 13),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="A possible source of the point thresholds per level, which QĐ 510 leaves open.",
    ),
    Instrument(
        number="732/QĐ-BCĐ",
        locality="Yên Bái",
        kind=_K.DECISION,
        issuer=_S,
        title_vi="Triển khai tiêu chí đánh giá, phân loại phong trào của Quyết định 510/QĐ-BCA-V05",
        title_en="Provincial implementation of the movement scoring of QĐ 510/QĐ-BCA-V05",
        signed=None,
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=_NO_DATES,
        note="2022 (day not given). Source of the scoring principles quoted in the spec.",
    ),
    Instrument(
        number="514/QĐ-UBND",
        locality="Bắc Ninh",
        kind=_K.DECISION,
        issuer=_P,
        title_vi=(
            "Quy định của tỉnh hợp nhất Thông tư 124/2021/TT-BCA, Quyết định 510/QĐ-BCA-V05 và"
            " Hướng dẫn 22/HD-BCA-V05"
        ),
        title_en="Provincial rules combining TT 124/2021, QĐ 510 and HD 22 on the movement",
        signed=date(2023, 4, 26),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
    ),
    Instrument(
        number="362/QĐ-UBND",
        locality="Thừa Thiên Huế",
        kind=_K.DECISION,
        issuer=_P,
        title_vi="Công bố thủ tục hành chính về thi đua, khen thưởng theo Nghị định 98/2023/NĐ-CP",
        title_en="Administrative procedures for emulation and commendation under NĐ 98/2023",
        signed=date(2024, 2, 2),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="Source of the standards quoted for 'Tập thể lao động xuất sắc'.",
    ),
    Instrument(
        number="4611/QĐ-UBND",
        locality="Hà Nội",
        kind=_K.DECISION,
        issuer=_P,
        title_vi="Thành lập và số lượng thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở",
        title_en="Setting up grassroots security-and-order teams and their sizes",
        signed=date(2024, 9, 4),
        effective=None,
        confirmation=PARTIAL,
        unconfirmed=("effective",),
        note="5,438 teams of 3-5 members (entities.md §1.3).",
    ),
)


def _fold(number: str) -> str:
    """A lookup form of a number: no diacritics, no case, no spaces (đ -> d)."""
    text = unicodedata.normalize("NFKD", number.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(text.split()).casefold()


def build_registry(instruments: Iterable[Instrument]) -> Mapping[str, Instrument]:
    """Index ``instruments`` by number after checking that they are consistent.

    Raises :class:`~antq.errors.DefinitionError` on a duplicate number (also after
    folding case and diacritics), an ``amends``/``repeals`` target that is not in the
    set, an instrument repealed by two others, or a repeal taking effect before the
    repealed instrument.
    """
    index: dict[str, Instrument] = {}
    folded: dict[str, str] = {}
    for inst in instruments:
        key = _fold(inst.key)
        if inst.key in index or key in folded:
            other = folded.get(key, inst.key)
            raise DefinitionError(f"instrument {inst.key!r} registered twice (as {other!r})")
        index[inst.key] = inst
        folded[key] = inst.key
    repealers: dict[str, str] = {}
    for inst in index.values():
        for field_name, targets in (("amends", inst.amends), ("repeals", inst.repeals)):
            for target in targets:
                if target not in index:
                    hint = _suggest(target, index)
                    raise DefinitionError(
                        f"instrument {inst.key!r}: {field_name} target {target!r} is not"
                        f" registered{hint}"
                    )
        for target in inst.repeals:
            if target in repealers:
                raise DefinitionError(
                    f"instrument {target!r} is repealed by both {repealers[target]!r} and"
                    f" {inst.key!r}"
                )
            repealers[target] = inst.key
            old = index[target].effective
            if old is not None and inst.effective is not None and inst.effective <= old:
                raise DefinitionError(
                    f"instrument {inst.key!r} takes effect on {inst.effective.isoformat()},"
                    f" not after {target!r} ({old.isoformat()}) which it repeals"
                )
    return MappingProxyType(index)


def _suggest(number: str, index: Mapping[str, Instrument]) -> str:
    # A local number given without its locality: offer every place that has it.
    bare = _fold(number)
    close = [key for key, inst in index.items() if _fold(inst.number) == bare and key != number]
    if not close:
        folded = {_fold(key): key for key in index}
        matches = difflib.get_close_matches(bare, list(folded), n=3, cutoff=0.6)
        close = [folded[match] for match in matches]
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(key) for key in close) + "?"


#: Every registered instrument, by official number (read-only); a local instrument
#: is keyed by its number and locality, "514/QĐ-UBND (Bắc Ninh)".
INSTRUMENTS: Final[Mapping[str, Instrument]] = build_registry(
    (*_SAFE_STANDARD, *_EMULATION, *_ENTITIES, *_LOCAL)
)

_FOLDED: Final[Mapping[str, str]] = MappingProxyType({_fold(key): key for key in INSTRUMENTS})


def canonical_number(number: str) -> str | None:
    """The registry key matching ``number`` (ignoring case, spaces, diacritics), or None.

    >>> canonical_number("40/2024/nd-cp")
    '40/2024/NĐ-CP'
    """
    if number in INSTRUMENTS:
        return number
    return _FOLDED.get(_fold(number))


def get_instrument(number: str) -> Instrument:
    """The instrument numbered ``number``; :class:`~antq.errors.CitationError` if unknown.

    A local instrument is found by its number and locality, ``"514/QĐ-UBND (Bắc Ninh)"``.

    The error message suggests close matches:

    >>> get_instrument("124/2012/TT-BCA")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    antq.errors.CitationError: unknown instrument '124/2012/TT-BCA'; did you mean '124/2021/TT-BCA' or ...?
    """
    if not isinstance(number, str):
        raise CitationError(f"instrument number must be a string, got {number!r}")
    key = canonical_number(number)
    if key is None:
        raise CitationError(f"unknown instrument {number!r}{_suggest(number, INSTRUMENTS)}")
    return INSTRUMENTS[key]


def all_instruments() -> tuple[Instrument, ...]:
    """All registered instruments, in registration order (grouped by topic)."""
    return tuple(INSTRUMENTS.values())


def repealed_by(number: str) -> Instrument | None:
    """The instrument that repeals or replaces ``number``, or None if none is registered."""
    target = get_instrument(number).key
    for inst in INSTRUMENTS.values():
        if target in inst.repeals:
            return inst
    return None


def amended_by(number: str) -> tuple[Instrument, ...]:
    """The registered instruments that amend ``number``."""
    target = get_instrument(number).key
    return tuple(inst for inst in INSTRUMENTS.values() if target in inst.amends)


def in_force_on(number: str, day: date, *, strict: bool = False) -> bool | None:
    """Whether ``number`` was in force on ``day``, or None when a needed date is unknown.

    In force means: on or after its effective date and before the effective date of
    the instrument that repeals it (if one is registered). A missing date that the
    answer depends on gives None. Dates and links listed in ``unconfirmed`` are used as
    recorded; with ``strict=True`` relying on one of them also gives None.

    >>> in_force_on("124/2021/TT-BCA", date(2022, 2, 9)), in_force_on("124/2021/TT-BCA", date(2022, 2, 10))
    (False, True)
    """
    inst = get_instrument(number)
    start = inst.effective
    if start is None:
        if inst.signed is not None and day < inst.signed:
            return False
        return None
    if strict and inst.is_unconfirmed("effective"):
        return None
    if day < start:
        return False
    repealer = repealed_by(inst.key)
    if repealer is None:
        return True
    if repealer.signed is not None and day < repealer.signed:
        return True  # a repeal cannot take effect before it is signed
    end = repealer.effective
    if end is None or (strict and repealer.is_unconfirmed("effective")):
        return None
    if day < end:
        return True
    return None if strict and repealer.is_unconfirmed("repeals") else False
