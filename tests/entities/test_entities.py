"""Tests of antq.entities: vocabularies, validation and date-dependent rules."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import antq.entities as ent
from antq.entities import (
    FORCE_LAW_EFFECTIVE,
    TWO_TIER_REFORM_DATE,
    AdministrativeUnit,
    AdminLevel,
    AdminUnitType,
    Agency,
    CrimeGravity,
    DisciplineForm,
    EducationalInstitution,
    EducationLevel,
    EmulationTitle,
    Enterprise,
    EnterpriseSize,
    HostType,
    Incident,
    IncidentCategory,
    LocalName,
    MassModel,
    ModelCategory,
    ModelSite,
    ModelStatus,
    Person,
    ResidentialArea,
    ResidentialKind,
    SecurityOrderTeam,
    Sex,
    StreetGuardTeam,
    TaskGrade,
    TeamMembership,
    TeamRole,
    incidents_in,
)
from antq.errors import InputError
from antq.vocabulary import CodedEnum

D = dt.date
LAST_THREE_TIER_DAY = D(2025, 6, 30)
LAST_STREET_GUARD_DAY = D(2024, 6, 30)

# --- vocabularies --------------------------------------------------------------

ALL_ENUMS: list[type[CodedEnum]] = [
    AdminLevel,
    AdminUnitType,
    ResidentialKind,
    LocalName,
    EnterpriseSize,
    EducationLevel,
    ModelCategory,
    HostType,
    ModelStatus,
    Sex,
    TeamRole,
    TaskGrade,
    EmulationTitle,
    DisciplineForm,
    CrimeGravity,
    IncidentCategory,
]
CODE_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def test_every_exported_vocabulary_is_tested() -> None:
    exported = {
        obj
        for name in ent.__all__
        if isinstance(obj := getattr(ent, name), type)
        and issubclass(obj, CodedEnum)
        and len(obj) > 0
    }
    assert exported == set(ALL_ENUMS)


@pytest.mark.parametrize("cls", ALL_ENUMS, ids=lambda c: c.__name__)
def test_codes_unique_and_snake_case(cls: type[CodedEnum]) -> None:
    # A repeated code would silently turn a member into an alias of another.
    assert len(cls.__members__) == len(list(cls))
    codes = cls.codes()
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert code.isascii()
        assert CODE_RE.match(code), code


@pytest.mark.parametrize("cls", ALL_ENUMS, ids=lambda c: c.__name__)
def test_labels_not_empty(cls: type[CodedEnum]) -> None:
    for member in cls:
        assert member.label("vi").strip()
        assert member.label("en").strip()


@pytest.mark.parametrize("cls", ALL_ENUMS, ids=lambda c: c.__name__)
def test_from_code_round_trip(cls: type[CodedEnum]) -> None:
    for member in cls:
        assert cls.from_code(member.code) is member
        assert cls.from_code(str(member)) is member
    with pytest.raises(InputError):
        cls.from_code("no_such_code")


def test_enum_field_refuses_a_bare_code() -> None:
    with pytest.raises(InputError, match=r"Person\.sex.*from_code"):
        Person(id="p1", full_name="Nguyễn Văn A", sex="male")  # type: ignore[arg-type]


# --- administrative units -----------------------------------------------------


def test_unit_type_levels() -> None:
    assert AdminUnitType.TINH.level is AdminLevel.PROVINCE
    assert AdminUnitType.THANH_PHO_TRUC_THUOC_TW.level is AdminLevel.PROVINCE
    district = {
        AdminUnitType.HUYEN,
        AdminUnitType.QUAN,
        AdminUnitType.THI_XA,
        AdminUnitType.THANH_PHO_THUOC_TINH,
        AdminUnitType.THANH_PHO_THUOC_TP_TW,
    }
    assert {t for t in AdminUnitType if t.level is AdminLevel.DISTRICT} == district
    assert {t for t in AdminUnitType if t.level is AdminLevel.COMMUNE} == {
        AdminUnitType.XA,
        AdminUnitType.PHUONG,
        AdminUnitType.THI_TRAN,
        AdminUnitType.DAC_KHU,
    }
    assert {t for t in AdminUnitType if t.legacy} == district | {AdminUnitType.THI_TRAN}
    assert AdminLevel.DISTRICT.legacy
    assert not AdminLevel.COMMUNE.legacy
    assert D(2025, 7, 1) == TWO_TIER_REFORM_DATE


@pytest.mark.parametrize(
    ("unit_type", "on_30_june", "on_1_july"),
    [
        (AdminUnitType.THI_TRAN, True, False),
        (AdminUnitType.HUYEN, True, False),
        (AdminUnitType.THANH_PHO_THUOC_TINH, True, False),
        (AdminUnitType.DAC_KHU, False, True),
        (AdminUnitType.XA, True, True),
        (AdminUnitType.PHUONG, True, True),
        (AdminUnitType.TINH, True, True),
    ],
)
def test_unit_type_availability_around_reform(
    unit_type: AdminUnitType, on_30_june: bool, on_1_july: bool
) -> None:
    assert unit_type.available_on(D(2025, 6, 30)) is on_30_june
    assert unit_type.available_on(D(2025, 7, 1)) is on_1_july


def _unit(unit_type: AdminUnitType, **kw: Any) -> AdministrativeUnit:
    parent = None if unit_type.level is AdminLevel.PROVINCE else "P01"
    kw.setdefault("parent_code", parent)
    return AdministrativeUnit(code="U01", name="Đơn vị", unit_type=unit_type, **kw)


@pytest.mark.parametrize("unit_type", [AdminUnitType.THI_TRAN, AdminUnitType.HUYEN])
def test_legacy_unit_must_end_by_30_june_2025(unit_type: AdminUnitType) -> None:
    unit = _unit(unit_type, valid_from=D(2010, 1, 1), valid_to=LAST_THREE_TIER_DAY)
    assert unit.is_valid_on(LAST_THREE_TIER_DAY)
    assert not unit.is_valid_on(TWO_TIER_REFORM_DATE)
    for bad_end in (TWO_TIER_REFORM_DATE, D(2030, 1, 1), None):
        with pytest.raises(InputError, match=r"AdministrativeUnit\.valid_to") as err:
            _unit(unit_type, valid_to=bad_end)
        assert err.value.path == "AdministrativeUnit.valid_to"


def test_dac_khu_must_start_on_or_after_1_july_2025() -> None:
    unit = _unit(AdminUnitType.DAC_KHU, valid_from=TWO_TIER_REFORM_DATE)
    assert unit.level is AdminLevel.COMMUNE
    assert unit.is_valid_on(TWO_TIER_REFORM_DATE)
    assert not unit.is_valid_on(LAST_THREE_TIER_DAY)
    for bad_start in (LAST_THREE_TIER_DAY, None):
        with pytest.raises(InputError) as err:
            _unit(AdminUnitType.DAC_KHU, valid_from=bad_start)
        assert err.value.path == "AdministrativeUnit.valid_from"


def test_current_commune_types_are_open_ended() -> None:
    xa = _unit(AdminUnitType.XA)
    assert xa.is_valid_on(D(1990, 1, 1))
    assert xa.is_valid_on(D(2099, 12, 31))


def test_unit_validity_bounds() -> None:
    with pytest.raises(InputError) as err:
        _unit(AdminUnitType.XA, valid_from=D(2025, 7, 2), valid_to=D(2025, 7, 1))
    assert err.value.path == "AdministrativeUnit.valid_to"
    same_day = _unit(AdminUnitType.XA, valid_from=D(2025, 7, 1), valid_to=D(2025, 7, 1))
    assert same_day.is_valid_on(D(2025, 7, 1))
    assert not same_day.is_valid_on(D(2025, 7, 2))


def test_unit_parent_and_lineage() -> None:
    with pytest.raises(InputError, match=r"AdministrativeUnit\.parent_code"):
        _unit(AdminUnitType.TINH, parent_code="X")
    with pytest.raises(InputError, match=r"AdministrativeUnit\.parent_code"):
        _unit(AdminUnitType.PHUONG, parent_code=None)
    with pytest.raises(InputError, match=r"AdministrativeUnit\.predecessors\[1\]"):
        _unit(AdminUnitType.XA, predecessors=("A", "A"))
    with pytest.raises(InputError, match=r"AdministrativeUnit\.predecessors"):
        _unit(AdminUnitType.XA, predecessors=["A"])
    merged = _unit(AdminUnitType.XA, predecessors=("A", "B"), legal_basis="NQ 1/2025")
    assert merged.predecessors == ("A", "B")


# --- residential areas --------------------------------------------------------


def _area(**kw: Any) -> ResidentialArea:
    kw.setdefault("kind", ResidentialKind.THON)
    return ResidentialArea(id="a1", name="Thôn 1", commune_code="X01", **kw)


@pytest.mark.parametrize("local_name", list(LocalName), ids=lambda m: m.code)
@pytest.mark.parametrize("kind", list(ResidentialKind), ids=lambda m: m.code)
def test_local_name_must_agree_with_kind(local_name: LocalName, kind: ResidentialKind) -> None:
    if local_name.canonical_kind in (None, kind):
        assert _area(kind=kind, local_name=local_name).local_name is local_name
    else:
        with pytest.raises(InputError) as err:
            _area(kind=kind, local_name=local_name)
        assert err.value.path == "ResidentialArea.local_name"


def test_local_name_canonical_kinds() -> None:
    thon = {LocalName.THON, LocalName.LANG, LocalName.AP, LocalName.BAN, LocalName.BUON}
    thon |= {LocalName.BON, LocalName.PHUM, LocalName.SOC, LocalName.XOM}
    tdp = {LocalName.TO_DAN_PHO, LocalName.KHU_PHO, LocalName.KHOI_PHO, LocalName.KHOM}
    assert {n for n in LocalName if n.canonical_kind is ResidentialKind.THON} == thon
    assert {n for n in LocalName if n.canonical_kind is ResidentialKind.TO_DAN_PHO} == tdp
    assert LocalName.TIEU_KHU.canonical_kind is None


@pytest.mark.parametrize("field", ["households", "residents"])
@given(n=st.integers(max_value=-1))
def test_negative_counts_rejected(field: str, n: int) -> None:
    with pytest.raises(InputError, match=rf"ResidentialArea\.{field}") as err:
        _area(**{field: n})
    assert err.value.path == f"ResidentialArea.{field}"


@pytest.mark.parametrize("field", ["households", "residents"])
@pytest.mark.parametrize("bad", [True, False, 1.0, "3"])
def test_non_int_counts_rejected(field: str, bad: object) -> None:
    with pytest.raises(InputError, match=rf"ResidentialArea\.{field}"):
        _area(**{field: bad})


@given(households=st.integers(min_value=0), residents=st.integers(min_value=0))
def test_non_negative_counts_accepted(households: int, residents: int) -> None:
    area = _area(households=households, residents=residents)
    assert (area.households, area.residents) == (households, residents)


def test_area_validity() -> None:
    area = _area(valid_from=D(2012, 1, 1), valid_to=D(2026, 5, 31))
    assert area.is_valid_on(D(2026, 5, 31))
    assert not area.is_valid_on(D(2026, 6, 1))
    with pytest.raises(InputError, match=r"ResidentialArea\.valid_to"):
        _area(valid_from=D(2026, 1, 2), valid_to=D(2026, 1, 1))


# --- empty strings, dates, frozen, keyword-only --------------------------------

VALID_FACTORIES: dict[str, Any] = {
    "AdministrativeUnit": lambda **kw: AdministrativeUnit(
        **{"code": "P1", "name": "Tỉnh A", "unit_type": AdminUnitType.TINH, **kw}
    ),
    "ResidentialArea": lambda **kw: ResidentialArea(
        **{
            "id": "a",
            "name": "Ấp 1",
            "kind": ResidentialKind.THON,
            "commune_code": "X",
            **kw,
        }
    ),
    "Agency": lambda **kw: Agency(**{"id": "g", "name": "Sở", "is_armed_forces": False, **kw}),
    "Enterprise": lambda **kw: Enterprise(**{"id": "e", "name": "Công ty", **kw}),
    "EducationalInstitution": lambda **kw: EducationalInstitution(
        **{"id": "s", "name": "Trường", "level": EducationLevel.DAI_HOC, **kw}
    ),
    "MassModel": lambda **kw: MassModel(
        **{"id": "m", "name": "Camera an ninh", "host_type": HostType.RESIDENTIAL_AREA, **kw}
    ),
    "ModelSite": lambda **kw: ModelSite(**{"id": "s", "model_id": "m", "host_id": "a", **kw}),
    "Person": lambda **kw: Person(**{"id": "p", "full_name": "Trần Thị B", **kw}),
    "SecurityOrderTeam": lambda **kw: SecurityOrderTeam(
        **{
            "id": "t",
            "commune_code": "X",
            "area_ids": ("a",),
            "established_on": FORCE_LAW_EFFECTIVE,
            **kw,
        }
    ),
    "TeamMembership": lambda **kw: TeamMembership(
        **{
            "person_id": "p",
            "team_id": "t",
            "role": TeamRole.TO_VIEN,
            "start": FORCE_LAW_EFFECTIVE,
            **kw,
        }
    ),
    "StreetGuardTeam": lambda **kw: StreetGuardTeam(
        **{"id": "b", "commune_code": "X", "valid_to": LAST_STREET_GUARD_DAY, **kw}
    ),
    "Incident": lambda **kw: Incident(
        **{"date": D(2025, 1, 1), "category": IncidentCategory.SERIOUS_INCIDENT, **kw}
    ),
}

STRING_FIELDS = [
    ("AdministrativeUnit", "code"),
    ("AdministrativeUnit", "name"),
    ("ResidentialArea", "id"),
    ("ResidentialArea", "name"),
    ("ResidentialArea", "commune_code"),
    ("Agency", "id"),
    ("Agency", "name"),
    ("Agency", "commune_code"),
    ("Enterprise", "id"),
    ("Enterprise", "name"),
    ("EducationalInstitution", "id"),
    ("MassModel", "name"),
    ("ModelSite", "model_id"),
    ("ModelSite", "host_id"),
    ("Person", "id"),
    ("Person", "full_name"),
    ("SecurityOrderTeam", "id"),
    ("SecurityOrderTeam", "decision_no"),
    ("TeamMembership", "person_id"),
    ("TeamMembership", "team_id"),
    ("StreetGuardTeam", "commune_code"),
    ("Incident", "id"),
    ("Incident", "unit_id"),
]


@pytest.mark.parametrize(("cls_name", "field"), STRING_FIELDS)
@pytest.mark.parametrize("bad", ["", "   ", 7])
def test_empty_ids_and_names_rejected(cls_name: str, field: str, bad: object) -> None:
    VALID_FACTORIES[cls_name]()  # the baseline is valid
    with pytest.raises(InputError) as err:
        VALID_FACTORIES[cls_name](**{field: bad})
    assert err.value.path == f"{cls_name}.{field}"


@pytest.mark.parametrize(
    ("cls_name", "field"),
    [
        ("AdministrativeUnit", "valid_from"),
        ("ResidentialArea", "valid_to"),
        ("MassModel", "built_on"),
        ("Person", "birth_date"),
        ("SecurityOrderTeam", "established_on"),
        ("Incident", "date"),
    ],
)
@pytest.mark.parametrize("bad", [dt.datetime(2025, 1, 1, 12, 0), "2025-01-01"])
def test_dates_must_be_dates(cls_name: str, field: str, bad: object) -> None:
    with pytest.raises(InputError) as err:
        VALID_FACTORIES[cls_name](**{field: bad})
    assert err.value.path == f"{cls_name}.{field}"


@pytest.mark.parametrize("cls_name", sorted(VALID_FACTORIES))
def test_entities_are_frozen(cls_name: str) -> None:
    obj = VALID_FACTORIES[cls_name]()
    first = attrs.fields(type(obj))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, first, "x")


def test_entities_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Person("p", "Tên")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("cls_name", "field"),
    [
        ("Agency", "is_armed_forces"),
        ("Agency", "has_party_organisation"),
        ("ModelSite", "effective"),
        ("Incident", "force_majeure"),
        ("Incident", "reported_immediately"),
    ],
)
def test_flags_refuse_ints(cls_name: str, field: str) -> None:
    with pytest.raises(InputError) as err:
        VALID_FACTORIES[cls_name](**{field: 1})
    assert err.value.path == f"{cls_name}.{field}"


def test_agency_armed_forces_flag_is_required() -> None:
    with pytest.raises(TypeError):
        Agency(id="g", name="Sở")  # type: ignore[call-arg]


# --- organisations ------------------------------------------------------------


def test_education_level_exclusions() -> None:
    excluded = {EducationLevel.NHA_TRE, EducationLevel.MAM_NON, EducationLevel.TIEU_HOC}
    assert {lv for lv in EducationLevel if lv.excluded_from_tt124} == excluded
    general = {
        EducationLevel.TIEU_HOC,
        EducationLevel.TRUNG_HOC_CO_SO,
        EducationLevel.TRUNG_HOC_PHO_THONG,
        EducationLevel.LIEN_CAP,
    }
    assert {lv for lv in EducationLevel if lv.general_education} == general
    for level in EducationLevel:
        school = EducationalInstitution(id="s", name="Trường", level=level)
        assert school.excluded_from_tt124 is (level in excluded)


def test_enterprise_size_and_agency_exclusions() -> None:
    assert {s for s in EnterpriseSize if s.small_or_micro} == {
        EnterpriseSize.MICRO,
        EnterpriseSize.SMALL,
    }
    assert Enterprise(id="e", name="C").excluded_from_tt124 is None
    assert Enterprise(id="e", name="C", size=EnterpriseSize.SMALL).excluded_from_tt124 is True
    assert Enterprise(id="e", name="C", size=EnterpriseSize.MEDIUM).excluded_from_tt124 is False
    assert Agency(id="g", name="Đồn", is_armed_forces=True).excluded_from_tt124
    assert not Agency(id="g", name="Sở", is_armed_forces=False).excluded_from_tt124


def test_model_defaults() -> None:
    model = VALID_FACTORIES["MassModel"]()
    assert model.status is ModelStatus.ACTIVE
    assert model.category is None
    assert VALID_FACTORIES["ModelSite"]().effective is None


# --- persons ------------------------------------------------------------------


def _anniversary(born: dt.date, year: int) -> dt.date:
    """Independent oracle: the birthday in ``year``; 29/02 falls on 01/03 in common years."""
    try:
        return born.replace(year=year)
    except ValueError:
        return D(year, 3, 1)


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (D(2006, 7, 1), D(2024, 6, 30), 17),
        (D(2006, 7, 1), D(2024, 7, 1), 18),
        (D(1954, 7, 2), D(2024, 7, 1), 69),
        (D(1954, 7, 1), D(2024, 7, 1), 70),
        (D(2004, 2, 29), D(2004, 2, 29), 0),
        (D(2004, 2, 29), D(2005, 2, 28), 0),
        (D(2004, 2, 29), D(2005, 3, 1), 1),
        (D(2004, 2, 29), D(2008, 2, 28), 3),
        (D(2004, 2, 29), D(2008, 2, 29), 4),
        (D(2004, 2, 29), D(2022, 2, 28), 17),
        (D(2004, 2, 29), D(2022, 3, 1), 18),
    ],
)
def test_age_on_birthdays(born: dt.date, on: dt.date, age: int) -> None:
    assert Person(id="p", full_name="A", birth_date=born).age_on(on) == age


@given(born=st.dates(max_value=D(2100, 1, 1)), days=st.integers(min_value=0, max_value=60_000))
def test_age_on_matches_anniversary_count(born: dt.date, days: int) -> None:
    on = born + dt.timedelta(days=min(days, (D(9999, 12, 31) - born).days))
    expected = sum(1 for y in range(born.year + 1, on.year + 1) if _anniversary(born, y) <= on)
    assert Person(id="p", full_name="A", birth_date=born).age_on(on) == expected


def test_age_on_unknown_and_before_birth() -> None:
    assert Person(id="p", full_name="A").age_on(D(2025, 1, 1)) is None
    with pytest.raises(InputError, match=r"Person\.age_on"):
        Person(id="p", full_name="A", birth_date=D(2000, 1, 2)).age_on(D(2000, 1, 1))


# --- grassroots forces --------------------------------------------------------


def test_security_order_team_starts_1_july_2024() -> None:
    assert D(2024, 7, 1) == FORCE_LAW_EFFECTIVE
    team = VALID_FACTORIES["SecurityOrderTeam"](established_on=D(2024, 7, 1), decision_no="12/QĐ")
    assert team.area_ids == ("a",)
    with pytest.raises(InputError) as err:
        VALID_FACTORIES["SecurityOrderTeam"](established_on=D(2024, 6, 30))
    assert err.value.path == "SecurityOrderTeam.established_on"


@pytest.mark.parametrize("bad", [(), ("a", "a"), ("a", ""), ["a"]])
def test_security_order_team_area_ids(bad: object) -> None:
    with pytest.raises(InputError, match=r"SecurityOrderTeam\.area_ids"):
        VALID_FACTORIES["SecurityOrderTeam"](area_ids=bad)


def test_street_guard_team_ends_30_june_2024() -> None:
    team = VALID_FACTORIES["StreetGuardTeam"](valid_from=D(2006, 6, 1), valid_to=D(2024, 6, 30))
    assert team.is_valid_on(D(2024, 6, 30))
    assert not team.is_valid_on(D(2024, 7, 1))
    with pytest.raises(InputError) as err:
        VALID_FACTORIES["StreetGuardTeam"](valid_to=D(2024, 7, 1))
    assert err.value.path == "StreetGuardTeam.valid_to"
    with pytest.raises(InputError, match=r"StreetGuardTeam\.valid_to"):
        VALID_FACTORIES["StreetGuardTeam"](valid_from=D(2020, 1, 2), valid_to=D(2020, 1, 1))


def test_team_membership_dates() -> None:
    member = VALID_FACTORIES["TeamMembership"](start=D(2024, 7, 1), end=D(2025, 12, 31))
    assert member.is_active_on(D(2025, 12, 31))
    assert not member.is_active_on(D(2026, 1, 1))
    assert VALID_FACTORIES["TeamMembership"]().is_active_on(D(2090, 1, 1))
    with pytest.raises(InputError) as err:
        VALID_FACTORIES["TeamMembership"](start=D(2024, 6, 30))
    assert err.value.path == "TeamMembership.start"
    with pytest.raises(InputError) as err:
        VALID_FACTORIES["TeamMembership"](start=D(2024, 8, 1), end=D(2024, 7, 31))
    assert err.value.path == "TeamMembership.end"


# --- grades -------------------------------------------------------------------


def test_task_grade_order() -> None:
    order = [
        TaskGrade.KHONG_HOAN_THANH,
        TaskGrade.HOAN_THANH,
        TaskGrade.HOAN_THANH_TOT,
        TaskGrade.HOAN_THANH_XUAT_SAC,
    ]
    for i, low in enumerate(order):
        for j, high in enumerate(order):
            assert high.at_least(low) is (j >= i)
    assert TaskGrade.HOAN_THANH_XUAT_SAC.label_vi == "Hoàn thành xuất sắc nhiệm vụ"


def test_emulation_title_order() -> None:
    ttldtt = EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN
    assert EmulationTitle.DON_VI_TIEN_TIEN.at_least(ttldtt)
    assert ttldtt.at_least(EmulationTitle.DON_VI_TIEN_TIEN)
    assert EmulationTitle.TAP_THE_LAO_DONG_XUAT_SAC.at_least(EmulationTitle.DON_VI_TIEN_TIEN)
    assert EmulationTitle.DON_VI_QUYET_THANG.at_least(ttldtt)
    assert not ttldtt.at_least(EmulationTitle.TAP_THE_LAO_DONG_XUAT_SAC)


def test_discipline_warning_or_above() -> None:
    assert not DisciplineForm.KHIEN_TRACH.warning_or_above
    assert {f for f in DisciplineForm if f.warning_or_above} == set(DisciplineForm) - {
        DisciplineForm.KHIEN_TRACH
    }


def test_crime_gravity_serious_or_above() -> None:
    assert {g for g in CrimeGravity if g.serious_or_above} == {
        CrimeGravity.NGHIEM_TRONG,
        CrimeGravity.RAT_NGHIEM_TRONG,
        CrimeGravity.DAC_BIET_NGHIEM_TRONG,
    }


def test_at_least_refuses_other_scales() -> None:
    with pytest.raises(TypeError):
        TaskGrade.HOAN_THANH.at_least(DisciplineForm.CANH_CAO)  # type: ignore[arg-type]


# --- incidents ----------------------------------------------------------------

TRI = [True, False, None]


def _expected_excused(
    fm: bool | None, t: bool | None, m: bool | None, r: bool | None
) -> bool | None:
    """Independent oracle: evaluate fm OR (t AND m AND r) in every completion of the
    unknowns; the answer is known only when all completions agree."""
    unknown_choices = [(v,) if v is not None else (True, False) for v in (fm, t, m, r)]
    outcomes = {a or (b and c and d) for a, b, c, d in itertools.product(*unknown_choices)}
    return outcomes.pop() if len(outcomes) == 1 else None


@pytest.mark.parametrize(("fm", "t", "m", "r"), list(itertools.product(TRI, repeat=4)))
def test_excused_truth_table(
    fm: bool | None, t: bool | None, m: bool | None, r: bool | None
) -> None:
    incident = Incident(
        date=D(2025, 3, 1),
        category=IncidentCategory.CRIME,
        gravity=CrimeGravity.NGHIEM_TRONG,
        force_majeure=fm,
        timely_detected=t,
        mitigated=m,
        reported_immediately=r,
    )
    assert incident.excused() is _expected_excused(fm, t, m, r)
    assert incident.excused_by_force_majeure() is fm


def test_excused_spot_checks() -> None:
    assert len(list(itertools.product(TRI, repeat=4))) == 81
    assert _expected_excused(None, True, True, True) is True
    assert _expected_excused(False, True, None, False) is False
    assert _expected_excused(None, False, True, True) is None
    assert _expected_excused(False, True, True, None) is None


@pytest.mark.parametrize("category", list(IncidentCategory), ids=lambda c: c.code)
@pytest.mark.parametrize("gravity", [None, *CrimeGravity], ids=str)
def test_gravity_required_iff_crime(
    category: IncidentCategory, gravity: CrimeGravity | None
) -> None:
    if (category is IncidentCategory.CRIME) == (gravity is not None):
        incident = Incident(date=D(2025, 1, 1), category=category, gravity=gravity)
        assert incident.is_serious_crime is (gravity is not None and gravity.serious_or_above)
    else:
        with pytest.raises(InputError) as err:
            Incident(date=D(2025, 1, 1), category=category, gravity=gravity)
        assert err.value.path == "Incident.gravity"


def test_incident_category_provisions() -> None:
    pattern = re.compile(r"^124/2021/TT-BCA \d+\(\d+\)(\([a-zđ]\))?$")
    for category in IncidentCategory:
        assert category.tt124_provisions, category
        for provision in category.tt124_provisions:
            assert pattern.match(provision), provision
    points = "abcdđeg"
    k3 = [
        IncidentCategory.ANTI_STATE_ACTIVITY,
        IncidentCategory.SABOTAGE_OF_KEY_TARGETS,
        IncidentCategory.UNLAWFUL_RELIGION,
        IncidentCategory.EXPLOITING_RELIGION_ETHNICITY,
        IncidentCategory.SEPARATISM,
        IncidentCategory.PROLONGED_DISPUTE,
        IncidentCategory.COMPLAINT_INCITEMENT,
    ]
    for point, category in zip(points, k3, strict=True):
        assert category.tt124_provisions[0] == f"124/2021/TT-BCA 4(3)({point})"
    assert "124/2021/TT-BCA 6(3)(d)" in IncidentCategory.UNLAWFUL_GO_SLOW.tt124_provisions
    assert IncidentCategory.SCHOOL_VIOLENCE.tt124_provisions == ("124/2021/TT-BCA 7(4)",)


_incident_dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2027, 12, 31))


@given(
    dates=st.lists(_incident_dates, max_size=30),
    start=_incident_dates,
    length=st.integers(min_value=0, max_value=800),
)
def test_incidents_in_keeps_inclusive_window(
    dates: list[dt.date], start: dt.date, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    incidents = [
        Incident(date=d, category=IncidentCategory.NEW_ORDER_HOTSPOT, id=f"i{n}")
        for n, d in enumerate(dates)
    ]
    kept = incidents_in(incidents, start, end)
    assert [i.id for i in kept] == [
        f"i{n}" for n, d in enumerate(dates) if not (d < start or d > end)
    ]


def test_incidents_in_bounds() -> None:
    days = [D(2024, 11, 15), D(2024, 11, 16), D(2025, 11, 15), D(2025, 11, 16)]
    incidents = [Incident(date=d, category=IncidentCategory.SERIOUS_INCIDENT) for d in days]
    kept = incidents_in(iter(incidents), D(2024, 11, 16), D(2025, 11, 15))
    assert [i.date for i in kept] == days[1:3]
    with pytest.raises(InputError, match=r"incidents_in\(end\)"):
        incidents_in(incidents, D(2025, 1, 2), D(2025, 1, 1))
