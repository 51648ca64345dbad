"""The channel of each application: the vocabulary trackers write sources in, and the
person's own word for the sources it does not know."""

import pandas as pd
import pytest

from analysis import forecast as f
from analysis.forecast import channels as c


@pytest.mark.parametrize(("source", "channel"), [
    ("LinkedIn", c.JOB_BOARD), ("Indeed", c.JOB_BOARD), ("Easy Apply", c.JOB_BOARD),
    ("LinkedIn Easy Apply", c.JOB_BOARD), ("Job board", c.JOB_BOARD), ("StepStone", c.JOB_BOARD),
    ("Jobbörse", c.JOB_BOARD), ("InfoJobs", c.JOB_BOARD), ("Welcome to the Jungle", c.JOB_BOARD),
    ("Portal de empleo", c.JOB_BOARD), ("Indeed.de", c.JOB_BOARD), ("Job website", c.JOB_BOARD),
    ("Company website", c.COMPANY_SITE), ("Careers page", c.COMPANY_SITE),
    ("Company site", c.COMPANY_SITE), ("Karriereseite", c.COMPANY_SITE),
    ("Unternehmenswebsite", c.COMPANY_SITE), ("Site carrière", c.COMPANY_SITE),
    ("Página web de la empresa", c.COMPANY_SITE), ("Cold email", c.COMPANY_SITE),
    ("Referral", c.REFERRAL), ("Referred by Anna", c.REFERRAL), ("Empfehlung", c.REFERRAL),
    ("Mitarbeiterempfehlung", c.REFERRAL), ("Cooptation", c.REFERRAL),
    ("Recomendación", c.REFERRAL), ("Referido por Juan", c.REFERRAL),
    ("LinkedIn (referred by a friend)", c.REFERRAL),
    ("Recruiter", c.RECRUITER), ("Agency", c.RECRUITER), ("Headhunter", c.RECRUITER),
    ("LinkedIn recruiter", c.RECRUITER), ("Personalvermittler", c.RECRUITER),
    ("Cabinet de recrutement", c.RECRUITER), ("Chasseur de têtes", c.RECRUITER),
    ("Reclutador", c.RECRUITER), ("Hays", c.RECRUITER),
    ("Other", c.UNKNOWN), ("Networking", c.UNKNOWN), ("Job fair", c.UNKNOWN), ("", c.UNKNOWN),
    (None, c.UNKNOWN), (float("nan"), c.UNKNOWN),
])
def test_the_vocabulary_reads_sources_as_trackers_write_them(source, channel):
    assert f.channel_of(source) == channel


def test_the_sample_data_sources_all_have_a_channel():
    from analysis.sample import _SOURCES
    assert [f.channel_of(x) for x in _SOURCES] == [c.JOB_BOARD, c.COMPANY_SITE, c.JOB_BOARD,
                                                  c.REFERRAL, c.RECRUITER]


def test_the_persons_word_comes_before_the_vocabulary():
    apps = pd.DataFrame({"source": ["Meetup", "meetup ", "Indeed", "Indeed", None]})
    said = f.source_channels(apps, {"Meetup": "referral", "Indeed": "company_site"})
    assert said.tolist() == ["referral", "referral", "company_site", "company_site", "unknown"]
    assert f.source_channels(apps).tolist() == ["unknown", "unknown", "job_board",
                                                "job_board", "unknown"]
    assert f.source_channels(pd.DataFrame({"company": ["A"]})).tolist() == ["unknown"]
    assert f.source_channels(apps.iloc[:0]).empty


def test_a_saved_mapping_keeps_only_known_channels():
    assert f.channels_from_setting({"Meetup": "referral", "Fair": "nonsense",
                                    "Old": None}) == {"Meetup": "referral"}
    assert f.channels_from_setting(["referral"]) == {}


def test_unrecognised_sources_are_listed_most_frequent_first():
    apps = pd.DataFrame({"source": ["Fair", "Meetup", "Meetup", "LinkedIn", " ", None]})
    assert f.unrecognised_sources(apps) == ["Meetup", "Fair"]
    assert f.unrecognised_sources(apps.iloc[:0]) == []
