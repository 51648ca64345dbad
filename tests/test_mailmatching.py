"""Which application a message is about (analysis/mail/matching.py and the reader's choice
among a company's applications): names cut short, initials, a longer name's first word, an
agency's recruiter, two roles at one company."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pandas as pd
import pytest
from conftest import apps_frame

from analysis.mail.domains import domain_labels
from analysis.mail.matching import Index, abbreviates
from analysis.mail.names import pieces_fit
from analysis.mail.newapps import company_of, of_a_job
from analysis.mail.proposals import answered_offers, pick_application, review_table
from analysis.mail.reading import role_names
from analysis.mail.review import review_cards, ties_of
from analysis.mail.scan import reference_codes, scan_mailbox
from analysis.mail.senders import is_person

AS_OF = dt.date(2026, 12, 31)
ME = "me@mail.example"


def mail(subject: str, body: str, *, sender: str, to: str = ME,
         date: str = "Tue, 03 Nov 2026 10:00:00 +0000") -> bytes:
    built = EmailMessage()
    built["From"], built["To"], built["Subject"], built["Date"] = sender, to, subject, date
    built.set_content(body)
    return b"From x@y Tue Nov 03 10:00:00 2026\n" + built.as_bytes() + b"\n"


def tracked(company: str, role: str) -> pd.DataFrame:
    """A tracker holding one application, applied for on 1 October 2026."""
    return apps_frame([{"company": company, "role": role, "date_applied": "2026-10-01"}])


def with_calendar(sender: str, subject: str, body: str, method: str, start: str,
                  organiser: str, *, date: str = "Fri, 30 Oct 2026 10:00:00 +0000") -> bytes:
    """A message with a calendar invitation (``method`` REQUEST or CANCEL) starting at
    ``start`` (iCalendar UTC, "20261103T140000Z"), an hour long."""
    built = EmailMessage()
    built["From"], built["To"], built["Subject"], built["Date"] = sender, ME, subject, date
    built.set_content(body)
    event = (f"BEGIN:VCALENDAR\r\nMETHOD:{method}\r\nBEGIN:VEVENT\r\nUID:1\r\n"
             f"DTSTART:{start}\r\nDURATION:PT1H\r\nSUMMARY:Interview\r\n"
             f"ORGANIZER:mailto:{organiser}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    built.add_attachment(event.encode(), maintype="text", subtype="calendar",
                         params={"method": method}, filename="x.ics")
    return b"From x@y Fri Oct 30 10:00:00 2026\n" + built.as_bytes() + b"\n"


def two_roles(company: str, first: str, second: str) -> pd.DataFrame:
    """Two applications at one company, a day apart."""
    return pd.DataFrame({"company": [company] * 2, "role": [first, second],
                         "date_applied": pd.to_datetime(["2026-09-20", "2026-09-21"])})


def scan(tracker: pd.DataFrame, *messages: bytes) -> pd.DataFrame:
    return scan_mailbox(b"".join(messages), tracker, as_of=AS_OF, me=ME).proposals


@pytest.mark.parametrize(("label", "name", "cut"), [
    ("transmedlogistica", "transportes mediterraneos logistica", True),
    ("lumiereco", "lumiere et compagnie", True),
    ("lumiere", "lumiere et compagnie", False),  # one word is no name cut short
    ("acme", "acme systems", False),
    ("logistica", "transportes mediterraneos logistica", False),  # the first word opens it
    ("", "acme systems", False),
    ("northfin", "northwind finance", True),  # two words are enough
    ("tramedlogistica", "transportes mediterraneos logistica", True),  # three letters open it
    ("trmedlogistica", "transportes mediterraneos logistica", False),  # two do not
    ("acmeac", "acme corp", False),  # a word is used once, in order
])
def test_a_domain_label_may_be_the_name_cut_short(label, name, cut):
    assert abbreviates(label, name) is cut


@pytest.mark.parametrize(("address", "labels"), [
    ("personalauswahl@md.wien.gv.at", ["md", "wien"]),  # a public body's second level
    ("x@tirol.gv.at", ["tirol"]),
    ("jobs@www4.ti.ch", ["ti"]),  # a numbered web host names no one
    ("bewerbung@karriere.bernoulli.ch", ["bernoulli"]),  # German "careers"
    ("rh@recrutement.gouv.qc.ca", ["qc"]),
])
def test_a_domains_labels_leave_out_what_names_no_company(address, labels):
    assert domain_labels(address) == labels


def test_a_job_link_on_one_public_body_ties_no_other_bodys_mail():
    """Two Austrian bodies, the link at tirol.gv.at: Vienna's mail is not Tyrol's."""
    index = Index.of(apps_frame([
        {"company": "Amt der Tiroler Landesregierung", "role": "Referentin",
         "job_url": "https://www.tirol.gv.at/karriere/stelle-4471"},
        {"company": "Magistrat der Stadt Wien", "role": "Projektkoordinatorin"}]))
    assert index.by_domain("personalauswahl@md.wien.gv.at") != [0]
    assert index.by_domain("c.pfurtscheller@tirol.gv.at") == [0]


@pytest.mark.parametrize(("role", "name"), [
    ("Projektleiterin PMO", {"projektleiter", "pmo"}),  # "Projektleiter/in PMO"
    ("Vorständin Finanzen (CFO)", {"cfo"}),  # the other name in brackets
    ("Vorständin Finanzen (CFO)", {"vorstandin", "finanzen"}),
])
def test_a_role_is_named_by_each_of_its_forms(role, name):
    assert name in role_names(role)


@pytest.mark.parametrize("role", ["Software Engineer (Backend)", "Marketing Admin"])
def test_a_one_word_bracket_or_a_short_word_is_no_other_name(role):
    assert {"backend"} not in role_names(role) and {"marketing"} not in role_names(role)


def test_an_empty_tracker_ties_nothing():
    index = Index.of(apps_frame([]))
    assert index.domain_rows("ana@acme.example") == []
    assert index.named_in("Acme") == []


def test_a_domain_of_the_initials_or_the_name_cut_short_is_the_company():
    index = Index.of(apps_frame([
        {"company": "European Rail Policy Office", "role": "Officer"},
        {"company": "Transportes Mediterráneos Logística, S.L.", "role": "Analista"}]))
    assert index.domain_rows("anneke@erpo.eu") == [0]
    assert index.domain_rows("laura@transmed-logistica.es") == [1]
    assert index.domain_rows("x@unrelated.example") == []


def test_a_domain_within_a_longer_name_or_a_short_cut_of_it_is_the_company():
    index = Index.of(apps_frame([{"company": "Grupo Hostelero Sagrada Mar", "role": "Chef"},
                                 {"company": "Lumière Compagnie", "role": "Chargée"}]))
    assert index.domain_rows("rrhh@sagradamar.example") == [0]
    assert index.domain_rows("rh@lumco.example") == [1]


def test_a_three_letter_name_is_named():
    index = Index.of(apps_frame([{"company": "SAP", "role": "Consultant"}]))
    assert index.named_in("Your interview at SAP") == [0]


def test_a_longer_names_first_word_names_it_in_a_subject_not_in_a_body():
    index = Index.of(apps_frame([{"company": "Brussels Expo Services NV", "role": "PM"}]))
    assert index.named_in("Update from Brussels") == [0]
    assert index.named_in("We meet at our office in Brussels.", short=False) == []
    assert index.named_in("Brussels Expo Services: your interview", short=False) == [0]


def test_a_company_written_with_two_names_is_named_by_either():
    index = Index.of(apps_frame([
        {"company": "Te Manatū Ara Moana – Ministry for Harbours and Waterways", "role": "PA"},
        {"company": "European Network Resilience Agency (ENRA)", "role": "Analyst"},
        {"company": "Department of Transport Planning (Victoria)", "role": "Planner"},
        {"company": "Kanton Luzern – Finanzdepartement", "role": "Controller"},
        {"company": "Kanton Luzern – Amt für Informatik", "role": "Analyst"}]))
    assert index.named_in("Ministry for Harbours – interview Monday") == [0]
    assert index.named_in("Your application to ENRA") == [1]
    assert index.domain_rows("jobs@enra.europa.example") == [1]
    assert index.named_in("Department of Transport Planning: your application") == [2]
    # a place in brackets is no name; a name two entries share is neither's
    assert index.named_in("Weekend events in Victoria") == []
    assert index.named_in("Stellen beim Amt für Informatik") == [4]
    assert index.named_in("Newsletter Kanton Luzern", short=False) == []


def test_a_body_is_named_by_its_initials_in_capitals_and_in_any_script():
    index = Index.of(apps_frame([
        {"company": "Agencija za regionalni razvoj Slavonije", "role": "Savjetnik"},
        {"company": "Дунавски регионален иновационен център", "role": "Експерт"},
        {"company": "Australian Electoral Commission", "role": "Data Officer"},
        {"company": "Nordic Energy Technologies", "role": "Analyst"}]))
    # initials in capitals beside other words, the linking words of any language left out
    assert index.named_in("ARRS – Komisija za provedbu natječaja\nPoziv na testiranje") == [0]
    assert index.domain_rows("natjecaji@arrs.hr") == [0]
    assert index.named_in("ДРИЦ – Конкурсна комисия\nПокана за интервю") == [1]
    assert index.named_in("Дунавски регионален иновационен център: покана") == [1]
    assert index.named_in("AEC Recruitment\nApplication received") == [2]
    # not a word written in small letters, nor a subject written all in capitals, nor a body
    assert index.named_in("Aec recruitment\nApplication received") == []
    assert index.named_in("NEW JOBS FOR YOU: .NET DEVELOPER") == []
    assert index.named_in("Hello from the NET team", short=False) == []


def test_letters_unicode_keeps_whole_are_spelled_as_a_domain_spells_them():
    index = Index.of(apps_frame([{"company": "Wisła Logistics Sp. z o.o.", "role": "Analityk"},
                                 {"company": "Bølgen & Møller A/S", "role": "Analyst"},
                                 {"company": "Straßenbau Æbeltoft", "role": "Ingenieur"}]))
    assert index.domain_rows("agnieszka@wislalogistics.pl") == [0]
    assert index.domain_rows("hr@bolgenmoller.dk") == [1]
    assert index.named_in("Straßenbau Æbeltoft: Ihre Bewerbung") == [2]


def test_a_longer_names_first_words_name_it_in_a_body_and_a_common_first_word_may_go():
    index = Index.of(apps_frame([{"company": "Maple & Mortar Digital", "role": "Designer"},
                                 {"company": "Groupe Vellardière SA", "role": "Chargée"},
                                 {"company": "Digital Harbour", "role": "Analyst"},
                                 {"company": "Groupe Digital Harbour", "role": "PM"}]))
    assert index.named_in("good news, maple & mortar wants to meet you", short=False) == [0]
    assert index.named_in("Votre candidature chez Vellardière a bien été envoyée") == [1]
    # two words that are both common name nothing by themselves; a tail two companies share
    # names the one called so
    assert index.named_in("our digital harbour team", short=False) == [2]
    assert index.named_in("maple is a tree", short=False) == []


def test_an_agency_recruiter_is_a_contact_whose_domain_names_none_of_the_companies():
    index = Index.of(apps_frame([
        {"company": "Halden & Co", "role": "Reporting Analyst",
         "contact_email": "j.osei@clearwater-recruitment.example"},
        {"company": "Alder & Pine", "role": "Marketing Manager",
         "contact_email": "ruth@alderandpine.example"}]))
    assert index.is_agency("j.osei@clearwater-recruitment.example")
    assert not index.is_agency("ruth@alderandpine.example")
    assert not index.is_agency("ana@gmail.com")


@pytest.mark.parametrize(("company", "contact"), [
    ("Fox Media", "ana@foxstudio.example"),  # a three-letter word of the name
    ("European Rail Policy Office", "anneke@erpo.example"),  # its initials
])
def test_a_contact_on_a_domain_the_name_explains_is_no_agency(company, contact):
    index = Index.of(apps_frame([{"company": company, "role": "Officer",
                                  "contact_email": contact}]))
    assert not index.is_agency(contact)


AGENCY = [{"company": "Halden & Co", "role": "Reporting Analyst", "date_applied": "2026-10-01",
           "contact_email": "j.osei@clearwater-recruitment.example"}]
JORDAN = "Jordan Osei <j.osei@clearwater-recruitment.example>"


def test_an_agencys_mail_about_another_role_of_the_kind_is_not_the_tracked_ones():
    """An agency that placed the person with Halden writes about a Data Analyst contract with
    a client the tracker does not hold: nothing is proposed for Halden."""
    note = mail("Interview confirmed - Data Analyst (contract) with Tessellate",
                "Hi, we'd like to invite you to an interview on Thursday 12 November at 10:00.",
                sender=JORDAN)
    assert scan(apps_frame(AGENCY), note).empty


def test_an_agencys_mail_naming_no_other_role_stays_with_the_tracked_one():
    thanks = mail("Thanks for today", "Hi Jordan, thanks for chatting with me earlier.",
                  sender=f"Me <{ME}>", to=JORDAN)
    found = scan(apps_frame(AGENCY), thanks)
    assert found[["row", "column"]].values.tolist() == [[0, "thank_you_sent"]]


SOURCED = [{"company": "Nordlicht Energie AG", "role": "Vorständin Finanzen (CFO)",
            "date_applied": "2026-10-01", "source": "Headhunter (Carlsson Partners)"},
           {"company": "Halden & Co", "role": "Financial Analyst", "date_applied": "2026-10-02",
            "source": "Company website"}]
SOPHIE = "Sophie Carlsson <s.carlsson@carlsson-partners.example>"


@pytest.mark.parametrize(("source", "address", "rows"), [
    ("Headhunter (Carlsson Partners)", "s@carlsson-partners.example", [0]),  # words run together
    ("Personalberatung Kessler & Roth", "m@kessler-roth.example", [0]),
    ("Randstad", "sara@randstad.example", [0]),  # one long word
    ("Company website", "news@website.example", []),  # words that name no firm
    ("Agency (Harcourt Blake)", "p@harcourt.example", [0]),  # one long word of it
    ("Stellenanzeige FAZ", "leserservice@faz.example", []),  # too short to tell
    ("stelle.admin", "personal@ifma.admin.ch", []),  # a job site, written as its address
    ("Selectio.be", "noreply@selectio.be", []),
    ("LinkedIn", "jobs-noreply@linkedin.com", []),  # a job board is no agency
])
def test_the_tracker_source_names_the_agency_an_address_is_at(source, address, rows):
    index = Index.of(apps_frame([{"company": "Nordlicht Energie AG", "role": "CFO",
                                  "source": source}]))
    assert index.by_source(address) == rows
    assert index.is_agency(address) == bool(rows)


def test_an_agency_the_tracker_names_as_source_speaks_of_the_role_its_subject_names():
    """The search firm names neither its client nor a contact the tracker holds: its status
    report on the CFO mandate (the role's other name) is about the application it came
    through, and its promised day is read."""
    update = mail("Status update – CFO mandate",
                  "Dear Ms Lambrecht,\n\nWe presented a longlist of seven candidates, "
                  "including you, to the chair of the supervisory board this afternoon. I will "
                  "come back to you with the outcome by Friday, 13 November at the latest.",
                  sender=SOPHIE)
    found = scan(apps_frame(SOURCED), update)
    assert sorted(found.loc[found["row"] == 0, "column"]) == [
        "contact_email", "contact_name", "expected_decision_date", "first_response_date"]
    assert found["row"].eq(0).all()


@pytest.mark.parametrize("subject", [
    "Lead CFO opportunity – fintech client in Boston",  # the role a rank apart
    "A new brief: Group Controller, consumer goods",  # naming no tracked role
])
def test_the_source_agencys_other_searches_are_none_of_the_application(subject):
    outreach = mail(subject, "Hi Friederike,\n\nI know a couple of things about what you "
                    "are looking for: this is a step up from the Nordlicht Energie role. Could "
                    "we book 15 minutes on Monday?\n\nSophie", sender=SOPHIE)
    assert scan(apps_frame(SOURCED), outreach).empty


def test_the_subject_names_the_application_though_the_body_names_another():
    """Two roles at one company: the rejection's subject names the Agile Coach role, its
    body says the Product Owner application goes on."""
    tracker = apps_frame([
        {"company": "Kranich Versicherung AG", "role": "Product Owner Schadenportal",
         "date_applied": "2026-10-01"},
        {"company": "Kranich Versicherung AG", "role": "Agile Coach",
         "date_applied": "2026-10-02"}])
    note = mail("Ihre Bewerbung als Agile Coach",
                "Leider können wir Sie nicht weiter berücksichtigen. Ihre Bewerbung als Product "
                "Owner Schadenportal ist davon nicht betroffen und wird weiter geprüft.",
                sender="Ebru Sahin <ebru.sahin@kranich-versicherung.example>")
    found = scan(tracker, note)
    assert set(found["row"]) == {1}
    assert "rejected" in set(found["value"])


def test_a_system_copying_the_recruiter_gives_no_contact_and_a_board_is_no_new_company():
    tracker = apps_frame([
        {"company": "Bluewater Logistics", "role": "BI Analyst", "date_applied": "2026-10-01",
         "contact_email": "priya@bluewaterlogistics.example"},
        {"company": "Groupe Vellardière SA", "role": "Chargée d'études",
         "date_applied": "2026-10-02"}])
    built = EmailMessage()
    built["From"] = "Bluewater Logistics <notify@dayforce.com>"
    built["To"], built["Cc"] = ME, "Priya Natarajan <priya@bluewaterlogistics.example>"
    built["Subject"], built["Date"] = "Your offer", "Tue, 03 Nov 2026 10:00:00 +0000"
    built.set_content("We are delighted to offer you the position of BI Analyst.")
    offer = b"From x@y Tue Nov 03 10:00:00 2026\n" + built.as_bytes() + b"\n"
    sent = mail("Votre candidature chez Vellardière a bien été envoyée",
                "Votre candidature au poste de Chargée d'études chez Vellardière a bien été "
                "transmise au recruteur.",
                sender="Welcome to the Jungle <no-reply@welcometothejungle.com>")
    found = scan(tracker, offer, sent)
    assert ("offer" in set(found.loc[found["row"] == 0, "value"]))
    assert found["column"].ne("contact_name").all()
    assert found["row"].notna().all()  # no new application, "Welcome to Jungle" or other


@pytest.mark.parametrize(("body", "company"), [
    ("A sua candidatura ao anúncio \"Analista de Dados\" da empresa Ribeira Digital, Lda. foi "
     "enviada com sucesso.\n\nObrigado por utilizar o Net-Empregos.", "Ribeira Digital"),
    ("A sua candidatura foi enviada com sucesso.\n\nObrigado por utilizar o Net-Empregos.",
     None),  # the site names no employer: no new application named after the site
    ("Your application was sent with success.\n\nThank you for using Jobfinder.", None),
])
def test_a_site_thanking_for_its_use_is_not_the_employer(body, company):
    """A job site unknown to the reader, writing in its own name, acknowledges an application:
    the company is the employer it names, never the site."""
    ack = mail("Candidatura enviada: Analista de Dados", body,
               sender=("Net-Empregos <noreply@net-empregos.com>" if "Net" in body else
                       "Jobfinder <noreply@jobfinder.example>"))
    found = scan(tracked("Hafenwerk Bremen GmbH", "Data Engineer"), ack)
    new = found.loc[found["row"].isna(), "company"]
    assert sorted(set(new)) == ([company] if company else [])


@pytest.mark.parametrize(("subject", "body", "new"), [
    ("Hemos recibido tu solicitud", "Hemos recibido tu solicitud de alta en el plan Hosting "
     "Básico. Revisaremos los datos y activaremos el servicio en 24 horas.", False),
    ("We received your request", "Thank you for your interest! We have received your request "
     "for a quote and will review it within two working days.", False),
    ("Wir haben Ihre Anfrage erhalten", "Vielen Dank für Ihre Nachricht. Wir prüfen Ihre "
     "Unterlagen zum Mietvertrag und melden uns.", False),
    ("Application received", "Thank you for your application for membership of the Data "
     "Guild. We will review it at our next committee meeting.", False),
    ("Solicitud recibida", "Hemos recibido tu solicitud para el puesto de Analista de Datos. "
     "Revisaremos tu perfil.", True),
    ("Application received", "Thank you for applying for the post of Data and MIS Officer. "
     "Shortlisted candidates will be contacted by 20 November.", True),
])
def test_an_acknowledgement_of_something_else_is_no_new_application(subject, body, new):
    """A shop's, a host's, a landlord's or a club's "we have received your request" or "your
    application" is no job application: a new one is proposed only from mail that speaks of a
    job, a post, a candidate or a CV."""
    ack = mail(subject, body, sender="Servicios Meseta <hola@meseta-servicios.example>")
    found = scan(tracked("Hafenwerk Bremen GmbH", "Data Engineer"), ack)
    assert found["row"].isna().any() == new


@pytest.mark.parametrize(("sender", "first"), [
    ("Equipo de Talento · Almacenes del Bajío <talento@almacenesdelbajio.example>", False),
    ("Lucía Ramos <lucia.ramos@almacenesdelbajio.example>", True),
])
def test_a_teams_plain_word_is_no_first_response(sender, first):
    """"Tu proceso avanza" from a team's address in no person's name is a system's notice; the
    same words from a person are her answer, and the first response."""
    note = mail("Tu proceso avanza — Analista de Pricing", "Hola:\n\nTu proceso para Analista de "
                "Pricing sigue avanzando. Te escribiremos con novedades.", sender=sender)
    found = scan(tracked("Almacenes del Bajío", "Analista de Pricing"), note)
    assert found["column"].eq("first_response_date").any() == first


def _record(subject: str, text: str, sender: str, name: str = "", *, to: str = "",
            to_name: str = "") -> dict[str, str]:
    return {"direction": "sent" if sender == ME else "received", "subject": subject,
            "text": text, "sender_address": sender, "sender_name": name,
            "recipient_address": to, "recipient_name": to_name}


@pytest.mark.parametrize(("record", "company"), [
    # the person's own application: the company it went to, by name, else by its domain
    (_record("Application: Data Analyst", "Please find attached my CV.", ME,
             to="jobs@harwicklabs.example", to_name="Harwick Labs Recruiting"), "Harwick Labs"),
    (_record("Application: Data Analyst", "Please find attached my CV.", ME,
             to="jobs@harwicklabs.example"), "Harwicklabs"),
    (_record("Application", "CV attached.", ME, to="ana.ruiz@gmail.com", to_name="Ana Ruiz"),
     None),  # a person at a free mail address names no company
    # an acknowledgement: the sender's name, the position's company, the sender's own domain
    (_record("Thanks for applying", "We received your application.",
             "jobs@acme-analytics.example", "Acme Analytics Careers"), "Acme Analytics"),
    (_record("Thanks for applying", "We received your application.",
             "noreply@harwicklabs.example"), "Harwicklabs"),
    (_record("Application received", "Thank you for applying to the Data Analyst position at "
             "Brightline Foods.", "no-reply@greenhouse.io", "Greenhouse"), "Brightline Foods"),
    (_record("Thank you for applying", "Thank you for applying for the Data Analyst position.",
             "no-reply@greenhouse.io", "Greenhouse"), None),  # the role is no company
    # a site writing in its own name: the company it passed the application to, else itself
    (_record("Application received", "Your application has been sent to Harwick Labs.",
             "no-reply@jobsbridge.example", "Jobsbridge"), "Harwick Labs"),
    (_record("Application received", "Your application was received.",
             "no-reply@jobsbridge.example", "Jobsbridge"), "Jobsbridge"),
    # an agency recruiting for its client, in its own name
    (_record("We've received your application", "Thanks for applying for the round we are "
             "running on behalf of Harwick Labs.", "jobs@talentbridge.example",
             "Talentbridge Recruitment"), "Harwick Labs"),
    (_record("Application received", "Thanks for applying. We are recruiting on behalf of "
             "Harwick Labs.", "govtjobs@northwork.example", "Northwork Solutions Government Jobs"),
     "Harwick Labs"),
    (_record("Bewerbung eingegangen", "Wir besetzen diese Stelle im Auftrag der Hafenwerk "
             "GmbH.", "jobs@personalpunkt.example", "Personalpunkt"), "Hafenwerk GmbH"),
    # a board's line naming the company and its town under the role
    (_record("Tu candidatura", "Has aplicado a esta oferta:\nTécnico de datos\nLogística Besòs – "
             "Sant Adrià\n", "noreply@infojobs.net", "InfoJobs"), "Logística Besòs"),
    # a signature naming the team, whatever its case, never the messenger's own
    (_record("Thanks for applying", "We received your application.\n\nThe Brightline Talent "
             "Team", "noreply@mailer-hub.example"), "Brightline"),
    (_record("Danke", "Ihre Bewerbung ist eingegangen.\n\nIhr Hafenwerk Recruiting Team",
             "noreply@mailer-hub.example"), "Hafenwerk"),
    (_record("Thanks for applying", "We received your application.\n\nThe reed.co.uk team",
             "noreply@reed.co.uk"), None),
])
def test_the_company_of_an_untracked_application(record, company):
    assert company_of(record) == company


def test_a_job_link_on_a_domain_given_for_two_companies_is_a_boards():
    """Two applications whose job links are on one site (itjobs.pt) tie nothing to that site:
    its alert is no company's answer; a link on a company's own domain still ties."""
    tracker = apps_frame([
        {"company": "Tejo Digital", "role": "Analista", "date_applied": "2026-09-15",
         "job_url": "https://www.jobsite-pt.example/oferta/48213"},
        {"company": "Lumen Seguros", "role": "Data Scientist", "date_applied": "2026-09-15",
         "job_url": "https://www.jobsite-pt.example/oferta/48790"},
        {"company": "Alfama Health", "role": "Lead", "date_applied": "2026-09-15",
         "job_url": "https://alfama-careers.example/careers/lead"}])
    index = Index.of(tracker)
    assert index.domain_rows("alertas@jobsite-pt.example") == []
    assert index.domain_rows("rh@alfama-careers.example") == [2]


@pytest.mark.parametrize(("sender", "body", "rows"), [
    # a public recruiting portal names the vacancy, not the agency that hires
    ("Werken voor Vlaanderen <noreply-selectie@vlaanderen.example>",
     "Helaas ben je niet geslaagd voor module 2 voor de vacature Projectcoördinator "
     "digitalisering (9712).", [0]),
    # a person elsewhere naming the same title for her own organisation
    ("Yasmine Belkacem <y.belkacem@autre-organisation.example>",
     "Helaas ben je niet geslaagd voor de vacature Projectcoördinator digitalisering.", []),
    # a system naming another company beside the title
    ("Careers <noreply@hr-portal.example>", "Thank you for your interest in Pohutukawa Health. "
     "Unfortunately we will not be progressing your application for Projectcoördinator "
     "digitalisering.", []),
])
def test_a_portals_mail_naming_only_a_unique_vacancy_is_about_it(sender, body, rows):
    tracker = apps_frame([
        {"company": "Vlaams Agentschap voor Waterbeheer", "role": "Projectcoördinator "
         "digitalisering", "date_applied": "2026-10-01", "status": "applied"},
        {"company": "Gemeente Heikenveld", "role": "Beleidsmedewerker data",
         "date_applied": "2026-10-01", "status": "applied"}])
    outcome = mail("Vacature 9712: resultaat module 2", body, sender=sender)
    result = scan_mailbox(outcome, tracker, as_of=AS_OF, me=ME)
    found = result.proposals
    assert sorted(set(found.loc[found["column"] == "status", "row"])) == rows
    # the review says the vacancy tied it, not a company it names
    cards = review_cards(review_table(found), ties_of(result.evidence))
    assert set(cards["tie"]) == ({"Tied by the vacancy it names, no other application's title"}
                                 if rows else set())


def test_a_public_bodys_domain_may_leave_out_its_kind_and_linking_words():
    """"santclimentllobregat.cat" for Ajuntament de Sant Climent de Llobregat; "gestion" alone
    never stands for Centre de gestion du Val."""
    index = Index.of(apps_frame([
        {"company": "Ajuntament de Sant Climent de Llobregat", "role": "Tècnic",
         "date_applied": "2026-09-15"},
        {"company": "Centre de gestion du Val", "role": "Analyste", "date_applied": "2026-09-15"}]))
    assert index.domain_rows("rosa.puig@santclimentllobregat.cat") == [0]
    assert index.named_in("Gestion des données", short=False) == []


def test_a_bodys_initials_leave_out_where_it_is_and_a_name_opens_with_a_short_word():
    """"dcs.vic.gov.au" for Victorian Department of Customer Services; "Tūī Insurance" for Tūī
    Insurance NZ Limited; a board's job link (trademe.co.nz) is no company's domain."""
    index = Index.of(apps_frame([
        {"company": "Victorian Department of Customer Services", "role": "Senior Data Officer",
         "date_applied": "2026-09-15"},
        {"company": "Tūī Insurance NZ Limited", "role": "Pricing Analyst",
         "date_applied": "2026-09-15"},
        {"company": "Kōwhai Analytics Limited", "role": "Data Analyst",
         "date_applied": "2026-09-15",
         "job_url": "https://www.trademe.co.nz/a/jobs/data-it/listing/4698812"}]))
    assert index.domain_rows("rhiannon.kelly@dcs.vic.gov.au") == [0]
    assert index.named_in("Tūī Insurance - Pricing Analyst: OK to submit your CV?") == [1]
    assert index.domain_rows("noreply@trademe.co.nz") == []


@pytest.mark.parametrize(("tracker", "status"), [
    (["Hoefnagel Zorgverzekeringen"], ["rejected"]),
    (["Hoefnagel Zorgverzekeringen", "Hoefnagel Bouw"], []),  # two names open with it
])
def test_a_hyphenated_domain_opening_with_the_names_first_word_is_the_companys(tracker, status):
    """"hoefnagel-zv.nl" cuts Zorgverzekeringen to initials: its first part, the one word
    only one tracked company opens with, ties it."""
    frame = apps_frame([{"company": name, "role": "Analist", "date_applied": "2026-10-01"}
                        for name in tracker])
    outcome = mail("Terugkoppeling sollicitatiegesprek", "Helaas gaan we niet verder met je "
                   "sollicitatie.", sender="Lotte van Beek <l.vanbeek@hoefnagel-zv.nl>")
    found = scan(frame, outcome)
    assert list(found.loc[found["column"] == "status", "value"]) == status


def test_a_boards_acknowledgement_names_the_company_that_posted_the_job():
    ack = mail("Te postulaste a Auxiliar de Analítica Financiera",
               "Registramos tu postulación a la oferta «Auxiliar de Analítica Financiera» "
               "publicada por Estudio Contable Iturbe & Asociados (Medellín, Antioquia).",
               sender="Computrabajo <notificaciones@computrabajo.com.co>")
    found = scan(tracked("Hafenwerk Bremen GmbH", "Data Engineer"), ack)
    assert set(found.loc[found["row"].isna(), "company"]) == {
        "Estudio Contable Iturbe & Asociados"}


@pytest.mark.parametrize(("name", "address", "person"), [
    ("Anneke de Vries", "anneke.devries@erpo.eu", True),
    ("Ludwig van Beethoven", "ludwig@symphonies.example", True),
    ("Laure Aubert", "l.aubert@aubert-conseil.example", True),
    ("Soierie Vivante", "contact@soierie-vivante.example", False),
    ("acme careers", "jobs@acme.example", False),
])
def test_who_counts_as_a_person(name, address, person):
    assert is_person(name, address) is person


def test_a_job_link_and_a_contact_on_one_domain_are_one_application():
    tracker = apps_frame([{"company": "Fernhollow Health", "role": "Engineer",
                           "date_applied": "2026-10-01",
                           "job_url": "https://fernhollow.health/careers/123",
                           "contact_email": "recruiting@fernhollow.health"}])
    index = Index.of(tracker)
    assert index.domain_rows("hannah@fernhollow.health") == [0]
    invite = mail("Final round", "We'd like to invite you to an interview on Thursday 5 "
                  "November at 4pm.", sender="Hannah Osei <hannah@fernhollow.health>")
    found = scan(tracker, invite)
    assert "interviewing" in set(found.loc[found["column"] == "status", "value"])


def test_a_domain_named_by_its_mail_ties_the_persons_own_mail_to_it():
    """The tracker's name gives no domain ("Rijksdienst voor Bodemdata" at rvbd.example);
    its mail names it in the display name, so the person's withdrawal to that domain is
    about it; an unrelated domain stays untied."""
    tracker = tracked("Rijksdienst voor Bodemdata", "Data Analyst")
    notice = mail("Next step: online assessment",
                  "Please complete the online assessment via the link below.",
                  sender="Rijksdienst voor Bodemdata - Recruitment <werving-noreply@rvbd.example>",
                  date="Mon, 05 Oct 2026 10:00:00 +0000")
    withdraw = mail("Withdrawal of application", "I would like to withdraw my application.",
                    sender=ME, to="Recruitment <werving@rvbd.example>",
                    date="Mon, 09 Nov 2026 10:00:00 +0000")
    elsewhere = mail("Withdrawal of application", "I would like to withdraw my application.",
                     sender=ME, to="Someone <hr@other.example>",
                     date="Tue, 10 Nov 2026 10:00:00 +0000")
    found = scan(tracker, notice, withdraw, elsewhere)
    status = found.loc[found["column"] == "status"]
    assert list(status["value"]) == ["withdrawn"]
    assert list(status["row"]) == [0]


def test_a_calendar_cancellation_that_promises_a_new_date_later_is_a_cancellation():
    tracker = tracked("Kitewire", "Platform Engineer")
    found = scan(tracker, with_calendar(
        "Kitewire Hiring <no-reply@kitewire.example>", "Cancelled: on-site",
        "We've had to cancel your on-site on Tuesday 3 November. Joel will be in touch next "
        "week to find a new date.", "CANCEL", "20261103T140000Z", "joel@kitewire.example"))
    dates = found.loc[found["column"] == "interview_date", "value"]
    assert dates.isna().all() or not len(dates)
    assert found["column"].ne("expected_decision_date").all()


def test_a_calendar_invitation_is_sure_of_its_day_not_of_the_step():
    """A calendar invitation's day is read from the event itself; the status it moves to may be
    stale by the time a later no is missed, so it is no surer than a plain invitation's."""
    found = scan(tracked("Kitewire", "Platform Engineer"), with_calendar(
        "Joel Park <joel@kitewire.example>", "Invitation: on-site",
        "Looking forward to seeing you for the on-site interview.", "REQUEST",
        "20261103T140000Z", "joel@kitewire.example"))
    sure = dict(zip(found["column"], found["confidence"], strict=True))
    assert sure["status"] == 0.9
    assert sure["interview_date"] > 0.9


def test_a_hiring_manager_asking_to_meet_is_read_a_sales_call_is_not():
    tracker = tracked("Saltbox", "Design Systems Designer")
    cold = mail("your tokens case study", "hi nadia! i lead design systems at saltbox. do you "
                "have 30 min next wed (nov 11) at 10:30 for a chat with me?",
                sender="Marisol Quint <marisol@saltbox.example>")
    sales = mail("quick call?", "hi nadia! do you have 30 min next wed (nov 11) at 10:30 for a "
                 "chat about your team's subscription and our new pricing?",
                 sender="Tom Beck <tom@saltbox.example>")
    assert set(scan(tracker, sales)["column"]) == set()
    found = scan(tracker, cold)
    assert "interviewing" in set(found.loc[found["column"] == "status", "value"])


def test_a_sales_follow_up_with_a_made_up_re_answers_nothing():
    tracker = tracked("Nimbly Software LLC", "Product Designer")
    sales = mail("Re: your support inbox + a quick thought", "I haven't heard back, so I'll "
                 "assume the timing isn't right. I'm one reply away.",
                 sender="Jordan Kessler <jordan.kessler@nimbly.example>")
    assert scan(tracker, sales).empty


@pytest.mark.parametrize(("sender", "subject", "body"), [
    ("Spotify <no-reply@spotify.example>", "Your payment didn't go through",
     "Hi, unfortunately we couldn't process your payment. Please update your card."),
    ("Zalando <info@zalando.example>", "Your order is on its way", "Good news: your order "
     "has shipped. Unfortunately, one item could not be delivered and has been refunded."),
    ("Atlassian University <university@atlassian.example>", "Your exam result",
     "Unfortunately you did not pass the ACP-120 exam. You can retake it after 14 days."),
])
def test_a_tracked_companys_shop_or_school_mail_is_no_no(sender, subject, body):
    """The person is the company's customer too: a machine's "unfortunately" on its domain,
    naming no job, is no rejection."""
    company = sender.split()[0]
    assert scan(tracked(company, "Data Analyst"), mail(subject, body, sender=sender)).empty


def test_a_hyphenated_domain_naming_the_company_in_another_order_is_the_companys():
    tracker = apps_frame([
        {"company": "Café & Rösterei Baumgartner", "date_applied": "2026-10-01"},
        {"company": "Holzbau Gruber", "date_applied": "2026-10-01"}])
    index = Index.of(tracker)
    assert index.domain_rows("theresa@baumgartner-roesterei.at") == [0]
    assert index.domain_rows("info@gruber-roesterei.at") == []  # words of two names


def test_a_hyphenated_domain_cutting_a_word_of_the_name_short_is_the_companys():
    """"hollerbach-buch.de" for Buchhandlung Hollerbach: "buch" opens a word of the name;
    a cut-short word alone, or a part the name lacks, ties nothing."""
    tracker = apps_frame([
        {"company": "Buchhandlung Hollerbach", "date_applied": "2026-10-01"},
        {"company": "Holzbau Gruber", "date_applied": "2026-10-01"}])
    index = Index.of(tracker)
    assert index.domain_rows("annette@hollerbach-buch.de") == [0]
    assert index.domain_rows("info@hollerbach-mode.de") == []
    assert index.domain_rows("info@holz-buch.de") == []


def test_a_public_employers_test_named_only_as_its_competition_is_read():
    body = ("Us convoquem a la prova pràctica del procés selectiu per a la borsa de tècnic/a "
            "de sistemes. Data: divendres 6 de novembre de 2026. Hora: 9:30.")
    found = scan(tracked("Ajuntament de Vilanova", "Tècnic de sistemes"),
                 mail("Convocatòria a la prova pràctica", body,
                      sender="Recursos Humans <rrhh@vilanova.example>"))
    assert "screening" in set(found.loc[found["column"] == "status", "value"])


def test_an_agencys_mail_ties_only_to_the_client_it_names():
    """The agency's domain is learned from a subject naming the client; its later outreach
    about another, unnamed client's job proposes nothing for the tracked one."""
    tracker = tracked("Sorrel Health", "Senior Product Designer")
    first = mail("Sorrel Health - next steps", "Sorrel Health would like to meet you on "
                 "Tuesday 20 October at 10:00.", sender="Riley Shaw <riley@bluejay.example>",
                 date="Mon, 12 Oct 2026 10:00:00 +0000")
    other = mail("new one: Lead Designer @ fintech", "something new just landed - a Series B "
                 "fintech. want me to send over the JD? happy to jump on a quick call.",
                 sender="Riley Shaw <riley@bluejay.example>",
                 date="Wed, 28 Oct 2026 10:00:00 +0000")
    read = scan_mailbox(first + other, tracker, as_of=AS_OF, me=ME).evidence
    assert list(read["subject"]) == ["Sorrel Health - next steps"]
    assert list(read["rows"]) == [[0]]


def test_two_roles_named_the_one_the_message_decides_about_is_picked():
    apps = two_roles("Tollgate Health", "Backend Engineer (Python)", "Data Platform Engineer")
    text = ("Your applications at Tollgate Health\nI saw you applied for both Backend Engineer "
            "(Python) and Data Platform Engineer. We'd like to move forward with you for the "
            "Data Platform Engineer role. The Backend Engineer team will follow up separately.")
    assert pick_application(apps, [0, 1], text, dt.datetime(2026, 10, 2)) == ([1], "")
    both = ("Your applications\nYou applied for Backend Engineer (Python) and Data Platform "
            "Engineer.")
    assert pick_application(apps, [0, 1], both, dt.datetime(2026, 10, 2))[0] == []


def test_the_role_a_writer_wrote_about_before_decides_when_the_no_names_none():
    """An agency's consultant turns down the role she put the person forward for; the body
    also mentions the company's other role, which its own team handles."""
    apps = two_roles("Halloran Finch Ltd", "Management Accountant", "Financial Analyst")
    text = ("Halloran Finch - feedback\nUnfortunately you've been unsuccessful on this "
            "occasion. I noticed you've applied directly for their Financial Analyst role too - "
            "that's handled by their internal team.")
    when = dt.datetime(2026, 10, 8)
    assert pick_application(apps, [0, 1], text, when, known={0}) == ([0], "")
    assert pick_application(apps, [0, 1], text, when) == ([1], "")


def test_the_persons_acceptance_ends_it_a_background_check_after_is_no_new_offer():
    tracker = apps_frame([{"company": "Norwick Labs", "role": "Full Stack Engineer",
                           "date_applied": "2026-10-01", "status": "interviewing"}])
    offer = mail("Your offer", "We are delighted to offer you the position of Full Stack "
                 "Engineer.", sender="Jess Alvarado <jess@norwicklabs.example>",
                 date="Thu, 12 Nov 2026 10:00:00 +0000")
    accept = mail("Re: Your offer", "I am writing to formally accept the position of Full "
                  "Stack Engineer.", sender=ME, to="Jess Alvarado <jess@norwicklabs.example>",
                  date="Mon, 16 Nov 2026 10:00:00 +0000")
    check = mail("Action required: your background check for Norwick Labs",
                 "Norwick Labs has asked HireRight, its background screening partner, to "
                 "complete a background check as part of your offer of employment.",
                 sender="Norwick Labs via HireRight <noreply@hireright.example>",
                 date="Tue, 17 Nov 2026 10:00:00 +0000")
    found = scan(tracker, offer, accept, check)
    assert list(found.loc[found["column"] == "status", "value"]) == ["accepted"]


@pytest.mark.parametrize(("answer", "status"), [
    # a no in other words: the own mail model reads it (a declined offer ends the search)
    ("After a lot of thought I'm going to go a different direction. Wishing the team well.",
     ["withdrawn"]),
    # words the reader cannot place: the offer is answered, how is not known
    ("Thank you so much for the kind words and for everything along the way.", []),
    ("I am writing to formally accept the position.", ["accepted"]),
])
def test_the_persons_answer_to_an_offer_in_other_words_keeps_the_offer_unproposed(
        answer, status):
    tracker = apps_frame([{"company": "Norwick Labs", "role": "Full Stack Engineer",
                           "date_applied": "2026-10-01", "status": "interviewing"}])
    offer = mail("Your offer", "We are delighted to offer you the position of Full Stack "
                 "Engineer.", sender="Jess Alvarado <jess@norwicklabs.example>",
                 date="Thu, 12 Nov 2026 10:00:00 +0000")
    reply = mail("Re: Your offer", answer, sender=ME,
                 to="Jess Alvarado <jess@norwicklabs.example>",
                 date="Mon, 16 Nov 2026 10:00:00 +0000")
    result = scan_mailbox(offer + reply, tracker, as_of=AS_OF, me=ME)
    found = result.proposals
    assert list(found.loc[found["column"] == "status", "value"]) == status
    # the page says which offer was answered so, and when, when it proposes no status for it
    answered = answered_offers(result.evidence, tracker)
    assert answered[["company", "offered", "answered", "subject"]].values.tolist() == (
        [] if status else [["Norwick Labs", pd.Timestamp("2026-11-12"),
                            pd.Timestamp("2026-11-16"), "Re: Your offer"]])
    # the offer's day is still the decision's
    assert list(found.loc[found["column"] == "decision_date", "value"]) == [
        pd.Timestamp("2026-11-12")]
    only_offer = scan(tracker, offer)
    assert list(only_offer.loc[only_offer["column"] == "status", "value"]) == ["offer"]


def _offer(subject: str, *, sender: str) -> bytes:
    return mail(subject, "We are pleased to offer you the post.", sender=sender,
                date="Thu, 12 Nov 2026 10:00:00 +0000")


def _decline(subject: str) -> bytes:
    """The person's decline, to an address on a shared domain that names no company."""
    return mail(subject, "After careful consideration, I have decided to decline the offer.",
                sender=ME, to="Deepak Raval <deepak.raval@nhs.example>",
                date="Mon, 16 Nov 2026 10:00:00 +0000")


@pytest.mark.parametrize(("subject", "status"), [
    ("Declining job offer - BI Analyst (351-BI-0914)", ["withdrawn"]),
    ("Declining job offer - BI Analyst", ["offer"]),  # no reference: tied to nothing
    ("Declining job offer - BI Analyst (2026-11-04)", ["offer"]),  # a date is no reference
])
def test_the_persons_mail_quoting_a_reference_number_is_about_its_application(subject, status):
    tracker = apps_frame([
        {"company": "Northmoor NHS Foundation Trust", "role": "Business Intelligence Analyst",
         "date_applied": "2026-10-01", "status": "interviewing"},
        {"company": "Northmoor NHS Foundation Trust", "role": "Project Support Officer",
         "date_applied": "2026-10-01", "status": "applied"}])
    offer = _offer("Conditional offer of employment - 351-BI-0914 Business Intelligence "
                   "Analyst", sender="Northmoor NHS FT Recruitment <noreply@trac.jobs>")
    found = scan(tracker, offer, _decline(subject))
    statuses = found[found["column"] == "status"]
    assert list(statuses["value"]) == status
    assert list(statuses["row"]) == [0]


def test_the_review_says_how_each_message_was_tied_to_its_application():
    """The offer names the trust through a tracking system; the decline to a shared domain
    is tied by the reference number it quotes; the review says which, card by card."""
    tracker = apps_frame([{"company": "Northmoor NHS Foundation Trust",
                           "role": "Business Intelligence Analyst", "date_applied": "2026-10-01",
                           "status": "interviewing"}])
    offer = _offer("Conditional offer of employment - 351-BI-0914 Business Intelligence "
                   "Analyst", sender="Northmoor NHS FT Recruitment <noreply@trac.jobs>")
    result = scan_mailbox(offer + _decline("Declining job offer - BI Analyst (351-BI-0914)"),
                          tracker, as_of=AS_OF, me=ME)
    cards = review_cards(review_table(result.proposals), ties_of(result.evidence))
    ties = dict(zip(cards["change"], cards["tie"], strict=True))
    assert ties["Status: withdrawn"] == ("Tied by the reference number it quotes, seen in "
                                         "earlier mail about this application")
    assert set(cards.loc[cards["mail"].str.contains("Conditional offer"), "tie"]) == {
        "Tied by the company it names, sent by a tracking system"}
    assert set(review_cards(review_table(result.proposals))["tie"]) == {""}  # none known


@pytest.mark.parametrize(("sender", "status"), [
    ("Sanjay Mehta <sanjay.mehta@nhs.example>", ["rejected"]),  # he wrote about it before
    ("Ann Lowe <ann.lowe@nhs.example>", []),  # a stranger on the shared domain: tied to nothing
])
def test_a_person_who_wrote_about_an_application_writes_about_it_again(sender, status):
    tracker = apps_frame([{"company": "Oxbury University Hospitals NHS Foundation Trust",
                           "role": "Information Analyst", "date_applied": "2026-10-01",
                           "status": "interviewing"}])
    first = mail("Information Analyst interview - next steps", "Thank you for meeting the panel."
                 " We will be in touch soon.\n\nSanjay Mehta\nOxbury University Hospitals NHS "
                 "Foundation Trust", sender="Sanjay Mehta <sanjay.mehta@nhs.example>",
                 date="Mon, 02 Nov 2026 10:00:00 +0000")
    outcome = mail("Information Analyst - outcome", "I regret to inform you that you have not "
                   "been successful on this occasion.", sender=sender,
                   date="Fri, 06 Nov 2026 10:00:00 +0000")
    found = scan(tracker, first, outcome)
    assert list(found.loc[found["column"] == "status", "value"]) == status


def test_a_calendar_service_writing_for_many_people_is_no_one_who_wrote_before():
    tracker = apps_frame([{"company": "Quillstone", "role": "Data Analyst",
                           "date_applied": "2026-10-01", "status": "applied"}])
    calendar = "Per Lindqvist (Google Calendar) <calendar-notification@google.com>"
    interview = mail("Invitation: Quillstone interview - Data Analyst", "Interview with "
                     "Quillstone for the Data Analyst role on Thursday 12 November at 10:00.",
                     sender=calendar, date="Mon, 02 Nov 2026 10:00:00 +0000")
    dinner = mail("Invitation: Celebration dinner @ Sun 15 Nov 2026", "Per has invited you to "
                  "dinner at The Old Spot, Sunday 15 November at 18:00.", sender=calendar,
                  date="Sat, 14 Nov 2026 10:00:00 +0000")
    found = scan(tracker, interview, dinner)
    assert "2026-11-15" not in {str(v)[:10] for v in found["value"]}


def test_a_job_links_domain_is_every_application_at_that_company():
    index = Index.of(apps_frame([
        {"company": "Grupo Mirabel Retail S.A. de C.V.", "role": "Analista de Planeación"},
        {"company": "Grupo Mirabel Retail S.A. de C.V.", "role": "Especialista BI",
         "job_url": "https://grupomirabel.wd5.myworkdayjobs.com/es/Mirabel/job/R-04418"},
        {"company": "Halcón Austral", "role": "Analista de Datos"}]))
    assert index.domain_rows("dcardenas@grupomirabel.com.mx") == [0, 1]


def test_a_public_bodys_initials_and_kind_are_read_as_people_write_them():
    index = Index.of(apps_frame([
        {"company": "Agence québécoise des données fiscales", "role": "Analyste"},
        {"company": "Bureau canadien de la normalisation numérique", "role": "Analyste"},
        {"company": "Centre de gestion du Val-de-Brenne", "role": "Gestionnaire"}]))
    # initials leave out the linking words
    assert index.domain_rows("recrutement-noreply@aqdf.gouv.qc.ca") == [0]
    # "Bureau", a kind of body, stands for no one bureau
    assert index.named_in("BELSEL - Bureau de sélection fédéral") == []
    # nor does "de gestion" stand for the Centre de gestion
    assert index.named_in("Técnico/a de Gestión Administrativa", short=False) == []
    assert index.named_in("Centre de gestion du Val-de-Brenne") == [2]


def test_a_boards_relayed_invitation_is_read_and_its_lookalike_alert_is_not():
    tracker = apps_frame([{"company": "Groupe Hélianthe", "role": "Chargée de communication",
                           "date_applied": "2026-09-20", "status": "applied"}])
    relayed = mail("Groupe Hélianthe – Invitation à un entretien : Chargée de communication",
                   "Nous avons le plaisir de vous inviter à un entretien pour le poste de "
                   "Chargée de communication chez Groupe Hélianthe, le jeudi 15 octobre 2026 à "
                   "14:00.", sender="Groupe Hélianthe via Welcome to the Jungle "
                   "<no-reply@welcometothejungle.com>")
    alert = mail("Founders want to meet you: 9 new roles", "Groupe Hélianthe is hiring a "
                 "Chargée de communication. See the role.",
                 sender="Welcome to the Jungle <no-reply@welcometothejungle.com>")
    found = scan(tracker, relayed, alert)
    assert list(found.loc[found["column"] == "status", "value"]) == ["interviewing"]
    assert scan(tracker, alert).empty


@pytest.mark.parametrize(("subject", "codes"), [
    ("Invitation - 351-BI-0914 Business Intelligence (ref r-2041)", {"351-BI-0914", "R-2041"}),
    ("Requisition JR0012345: Data Analyst", {"JR0012345"}),
    ("Vacancy 1934417 - Data Analyst (HEO)", {"1934417"}),
    ("Interview on 2026-11-04 at 10:00, Band 6, 2026", set()),  # a date, a time, a year
    ("Ref 1234 and A1 and 12-34", set()),  # too short to tell anything apart
    ("Your application (DOC-2026-014)", {"DOC-2026-014"}),
])
def test_reference_numbers_are_read_from_subjects(subject, codes):
    assert reference_codes(subject) == codes


def test_a_reference_number_two_companies_mail_gives_ties_nothing():
    tracker = apps_frame([
        {"company": "Northmoor NHS Foundation Trust", "role": "Business Intelligence Analyst",
         "date_applied": "2026-10-01", "status": "interviewing"},
        {"company": "Aberwen Town Council", "role": "Data Officer",
         "date_applied": "2026-10-01", "status": "interviewing"}])
    northmoor = _offer("Conditional offer of employment - ref 2026-0914 BI Analyst",
                       sender="Northmoor NHS FT Recruitment <noreply@trac.jobs>")
    aberwen = _offer("Offer - ref 2026-0914 Data Officer",
                     sender="Aberwen Town Council Recruitment <noreply@jobtrain.co.uk>")
    found = scan(tracker, northmoor, aberwen, _decline("Declining the offer (2026-0914)"))
    assert sorted(found.loc[found["column"] == "status", "value"]) == ["offer", "offer"]


def test_the_companys_name_is_read_out_of_the_text_not_out_of_the_roles():
    """A word of the company's name may be a role's ("Data Engineer" at Halvorsen Data AS);
    the name itself, written whole or cut short, names no role ("Analytics" in "Kestrel
    Analytics")."""
    when = dt.datetime(2026, 10, 9)
    apps = two_roles("Halvorsen Data AS", "Data Engineer", "Analytics Engineer")
    assert pick_application(apps, [0, 1], "Your application – Data Engineer\nHi", when) == (
        [0], "")
    assert pick_application(apps, [0, 1], "Halvorsen Data AS – next step\nThe Analytics "
                            "Engineer interview is on Thursday.", when) == ([1], "")
    apps = two_roles("Kestrel Analytics Ltd", "Data Engineer", "Analytics Engineer")
    for subject in ("Kestrel Analytics: your application, Data Engineer",
                    "Kestrel  Analytics Ltd - Data Engineer", "Kestrel - your Data Engineer role"):
        assert pick_application(apps, [0, 1], f"{subject}\nThanks", when) == ([0], ""), subject
    assert pick_application(apps, [0, 1], "Kestrel Analytics\nThanks", when)[0] == []
    # a name's two-letter word is no name to read out ("BI" of BI Partners is the BI role's)
    apps = two_roles("BI Partners", "BI Developer", "Data Analyst")
    assert pick_application(apps, [0, 1], "Your application: BI Developer\nHi", when) == (
        [0], "")


def test_a_calendar_start_in_utc_is_the_day_on_the_senders_clock():
    """DTSTART 22:30 UTC on Sunday is Monday 09:30 in Melbourne, where the mail was written."""
    found = scan(tracked("Kingfisher Home", "Sales Consultant"), with_calendar(
        "Mia Castellano <mia@kingfisherhome.example>",
        "Change of date: assessment centre moved to Monday 16 November",
        "Thursday's assessment centre has moved to Monday 16 November, same time. I've sent an "
        "updated calendar invite.", "REQUEST", "20261115T223000Z", "mia@kingfisherhome.example",
        date="Mon, 09 Nov 2026 16:40:00 +1100"))
    days = found.loc[found["column"] == "interview_date", "value"]
    assert list(days) == [pd.Timestamp(2026, 11, 16)]


@pytest.mark.parametrize("source", ["Agency (Falkenried Personalberatung)",
                                    "Recruiter via Falkenried Personalberatung"])
def test_an_agency_the_tracker_names_as_a_source_is_no_new_company(source):
    """The agency writes for a tracked client; its acknowledgement proposes no new application
    in its own name. Without the source, it would."""
    ack = mail("Ihre Bewerbung – Kennziffer FP-2611 Controller (m/w/d)",
               "Sehr geehrte Frau Oosterhuis, vielen Dank für Ihre Bewerbung als Controller "
               "(m/w/d). Wir haben Ihre Unterlagen erhalten und melden uns in Kürze.",
               sender="Falkenried Personalberatung <bewerbung@falkenried-personal.example>")
    row = {"company": "Brenninger Maschinenbau GmbH", "role": "Controller (m/w/d)",
           "date_applied": "2026-09-20"}
    found = scan(apps_frame([{**row, "source": source}]), ack)
    assert found["row"].notna().all()
    unnamed = scan(apps_frame([row]), ack)
    assert unnamed["row"].isna().any()


@pytest.mark.parametrize(("job", "subject", "text"), [
    (False, "Your application to the Nordic Data Summer School",
     "Thank you for your application. The selection committee will review all candidates."),
    (False, "Membership application received",
     "Thanks for applying to become a member of the Data Society. We will review your "
     "application."),
    (False, "Your volunteer application", "Thank you for applying to volunteer with the Food "
     "Bank. Our recruitment team will be in touch."),
    (False, "Scholarship application received", "We have received your application for the "
     "Women in Tech scholarship. Candidates will be notified in December."),
    (False, "Bewerbung für das Stipendium", "Vielen Dank für Ihre Bewerbung um ein Stipendium."),
    (True, "Thank you for applying", "Thank you for applying for the Data Analyst position at "
     "Acme. Our recruiting team will review your CV."),
    (True, "Your application", "We have received your application for the Volunteer "
     "Coordinator role."),
    (True, "Ihre Bewerbung", "Vielen Dank für Ihre Bewerbung als Controllerin."),
    (True, "Application received", "Thanks for applying to the Training Manager job."),
])
def test_a_receipt_for_a_course_a_club_or_a_grant_is_no_job_application(job, subject, text):
    """What else people apply for reads like a job's receipt; a job, post or role named beside
    it makes it one."""
    assert of_a_job({"subject": subject, "text": text, "direction": "received"}) is job


def test_a_new_applications_role_is_no_your_application():
    """"Vielen Dank für Ihre Bewerbung bei Halberd Systems" names the company, not a role
    called "Ihre Bewerbung"; "Thanks for applying for Data Engineer" names the role."""
    thanks = mail("Vielen Dank für Ihre Bewerbung bei Halberd Systems",
                  "Vielen Dank für Ihre Bewerbung als Backend Engineer. Ihre Bewerbung wurde "
                  "erfolgreich in unserem Bewerbermanagement gespeichert.",
                  sender="Halberd Systems Karriere <karriere@halberd-systems.example>")
    role = mail("Thank you for applying for Data Engineer",
                "We have received your application for the Data Engineer position.",
                sender="Corrib Maritime Careers <careers@corribmaritime.example>")
    found = scan(tracked("Acme", "Analyst"), thanks, role).set_index("company")["role"]
    assert found.isna()["Halberd Systems"]
    assert found["Corrib Maritime"] == "Data Engineer"


def test_a_domain_word_two_tracked_names_hold_ties_both_and_the_role_tells():
    """Two departments of one state write from its domain: the state's word alone names
    neither, and is no ground to pick the one whose name opens with it."""
    tracker = apps_frame([
        {"company": "State of Cascadia - Department of Ecology", "role": "Environmental Planner 2",
         "date_applied": "2026-09-20"},
        {"company": "Cascadia Employment Department", "role": "Workforce Analyst 3",
         "date_applied": "2026-09-25"},
        {"company": "Heimgrund Gemeinnützige Wohnbau eGen", "role": "Assistenz",
         "date_applied": "2026-09-25"}])
    index = Index.of(tracker)
    assert index.domain_rows("lisa.tran@ecy.cascadia.gov") == [0, 1]
    assert index.domain_rows("b.strasser@heimgrund.at") == [2]  # one name, however folded
    offer = mail("Conditional offer of employment - Environmental Planner 2",
                 "I am pleased to extend a conditional offer of employment for the position of "
                 "Environmental Planner 2. This offer is contingent upon the successful "
                 "completion of a background check.",
                 sender="Lisa Tran <lisa.tran@ecy.cascadia.gov>")
    found = scan_mailbox(offer, tracker, as_of=AS_OF, me=ME).proposals
    assert set(found.loc[found["column"] == "status", "row"]) == {0}
    assert set(found.loc[found["column"] == "status", "value"]) == {"offer"}


def test_an_agencys_calendar_naming_only_the_role_is_about_the_one_she_wrote_of():
    """The recruiter named the client once; her later invitation names the role only. Her
    later pitch of another job naming no calendar ties to nothing."""
    tracker = apps_frame([
        {"company": "Saimaa Analytics", "role": "Senior Data Analyst",
         "date_applied": "2026-10-01"},
        {"company": "Korpela Logistiikka", "role": "Warehouse Planner",
         "date_applied": "2026-10-01"}])
    first = mail("Haastattelukutsu: Senior Data Analyst / Saimaa Analytics",
                 "Haluaisimme kutsua sinut Teams-haastatteluun perjantaina 23. lokakuuta klo 9.00.",
                 sender="Jenni Halonen <jenni@kaarnarekry.example>",
                 date="Wed, 14 Oct 2026 10:00:00 +0000")
    moved = with_calendar("Jenni Halonen <jenni@kaarnarekry.example>",
                          "Uusi aika: Haastattelu Senior Data Analyst - ke 4.11. klo 10",
                          "Sopisiko sinulle uusi haastatteluaika keskiviikkona 4. marraskuuta "
                          "klo 10.00?", "REQUEST", "20261104T080000Z",
                          "jenni@kaarnarekry.example")
    pitch = mail("A Senior Data Analyst role you might like",
                 "Hi! A Senior Data Analyst role just came in at a fintech. Keen to hear more?",
                 sender="Jenni Halonen <jenni@kaarnarekry.example>",
                 date="Mon, 16 Nov 2026 10:00:00 +0000")
    read = scan_mailbox(first + moved + pitch, tracker, as_of=AS_OF, me=ME).evidence
    assert list(read["rows"]) == [[0], [0]]
    assert read["interview_at"].iloc[1].date() == dt.date(2026, 11, 4)


@pytest.mark.parametrize(("subject", "text"), [
    ("Bekräfta din ansökan till Loppis i Vasaparken",
     "Tack för din ansökan till Loppis i Vasaparken 10 oktober. Bekräfta din ansökan."),
    ("Takk for din søknad som CFAD",
     "Vi har nå mottatt din søknad som CFAD (crew for a day) til lørdag 4. april."),
])
def test_a_receipt_for_a_market_stall_or_a_day_at_an_event_is_no_job_application(subject,
                                                                                  text):
    found = scan(tracked("Brennvik Energi", "Dataanalytiker"),
                 mail(subject, text, sender="Arrangören <hej@fyndstigen.example>"))
    assert found.empty


def test_a_public_boards_job_link_and_a_gov_service_name_no_employer():
    """A job link on NHS Jobs or Civil Service Jobs is the board's; "service" of
    service.gov.uk is no word of a tracked name ("Civil Service Fast Stream")."""
    tracker = apps_frame([
        {"company": "Eastvale University Hospitals NHS Foundation Trust", "role": "Analyst",
         "date_applied": "2026-10-01", "job_url": "https://www.jobs.nhs.uk/candidate/jobadvert/C9"},
        {"company": "Greywater Community NHS Trust", "role": "Project Manager",
         "date_applied": "2026-10-01"},
        {"company": "Civil Service Fast Stream", "role": "Generalist",
         "date_applied": "2026-10-01"}])
    index = Index.of(tracker)
    assert index.domain_rows("joanne@greywater.nhs.uk") == [1]
    assert index.domain_rows("kofi@eastvale.nhs.uk") == [0]
    assert index.domain_rows("noreply@apply-for-teacher-training.service.gov.uk") == []


def test_a_date_said_once_the_search_ended_is_no_promised_decision():
    """After the person accepted (or a no came), "an update on your equipment by Friday" is
    a formality, not a decision to come; before, a day promised is one."""
    tracker = tracked("Kitewire", "Platform Engineer")
    offer = mail("Your offer", "We are delighted to offer you the position of Platform "
                 "Engineer.", sender="Joel Park <joel@kitewire.example>",
                 date="Mon, 02 Nov 2026 10:00:00 +0000")
    accept = mail("Re: Your offer", "I am happy to accept the offer. Thank you!",
                  sender=ME, to="Joel Park <joel@kitewire.example>",
                  date="Tue, 03 Nov 2026 10:00:00 +0000")
    later = mail("Welcome aboard", "Your signed contract arrived. We will send you an update on "
                 "your equipment by Friday 20 November.",
                 sender="Joel Park <joel@kitewire.example>",
                 date="Thu, 12 Nov 2026 10:00:00 +0000")
    assert scan(tracker, offer, accept, later)["column"].ne("expected_decision_date").all()
    promise = mail("Next steps", "Thank you for interviewing for the Platform Engineer role. "
                   "We will get back to you by Friday 13 November 2026 with our decision.",
                   sender="Joel Park <joel@kitewire.example>",
                   date="Thu, 05 Nov 2026 10:00:00 +0000")
    found = scan(tracker, promise)
    assert list(found.loc[found["column"] == "expected_decision_date", "value"]) == [
        pd.Timestamp("2026-11-13")]


def test_a_portal_whose_name_opens_a_tracked_name_is_about_the_body_s_whole_name():
    """"Crown Service Jobs" opens Crown Service Graduate Scheme's name; the body naming the
    Office for Coastal Surveys whole is about that application."""
    tracker = apps_frame([
        {"company": "Crown Service Graduate Scheme", "role": "Generalist",
         "date_applied": "2026-10-01"},
        {"company": "Office for Coastal Surveys", "role": "Data Officer",
         "date_applied": "2026-10-01"}])
    body = ("Congratulations, you have been successful at the sift stage for Research Officer "
            "with the Office for Coastal Surveys. We would like to invite you to interview on "
            "Wednesday 18 November 2026 at 10:30.")
    found = scan(tracker, mail("Invitation to interview", body,
                               sender="Crown Service Jobs <noreply@crownservicejobs.example>"))
    assert set(found.loc[found["column"] == "interview_date", "row"]) == {1}


@pytest.mark.parametrize(("pieces", "words", "fits"), [
    ({"acme", "labs"}, {"acme", "labs"}, True),  # the name's words, however short
    ({"kraft", "buch"}, {"kraft", "buchhandlung"}, True),  # a five-letter word whole
    ({"buch", "hollerb"}, {"buchhandlung", "hollerbach"}, False),  # every word cut short
    ({"hollerbach", "mode"}, {"buchhandlung", "hollerbach"}, False),  # a part the name lacks
])
def test_a_hyphenated_domain_s_parts_fit_a_name(pieces, words, fits):
    assert pieces_fit(pieces, words) is fits


def test_a_newsletter_naming_a_tracked_role_s_competition_proposes_nothing():
    """A news site's dates for a public competition are no step in the person's own
    application, whatever role they name."""
    tracker = tracked("Azienda Sanitaria Collina", "Collaboratore amministrativo professionale")
    body = ("Concorso unico regionale per 160 posti di collaboratore amministrativo "
            "professionale: le prove scritte si svolgeranno alla Fiera dal 4 al 7 dicembre, in "
            "due turni giornalieri (ore 10 e ore 14). I candidati dovranno presentarsi con "
            "documento.\n\nRicevi questa newsletter perché ti sei iscritta su "
            "concorsinotizie.example. Cancellati.")
    found = scan(tracker, mail("Concorso regionale collaboratori amministrativi: date e orari "
                               "delle prove scritte", body,
                               sender="Concorsi Notizie <redazione@concorsinotizie.example>"))
    assert found.empty


def test_a_public_body_writes_from_its_name_without_its_kind():
    """"breda.nl" is Gemeente Breda's, "ccvaldazergues.fr" the Communauté de communes du Val
    d'Azergues' (the kind of body's initials before the rest); a word two names hold is
    neither's alone."""
    index = Index.of(apps_frame([
        {"company": "Gemeente Breda", "role": "Adviseur Data"},
        {"company": "Communauté de communes du Val d'Azergues", "role": "Chargée de mission"},
        {"company": "State of Cascadia - Department of Ecology", "role": "Planner"},
        {"company": "Cascadia Employment Department", "role": "Analyst"}]))
    assert index.by_domain("f.debruijn@breda.nl") == [0]
    assert index.by_domain("recrutement@ccvaldazergues.fr") == [1]
    assert index.by_domain("lisa.tran@ecy.cascadia.gov") == [2, 3]
