"""A labelled mailbox for the scanner's tests and its accuracy figures: a tracker of
applications, the mail a search produces (in English, German, French and Spanish, from the
companies' own domains and from applicant tracking systems, plain, HTML-only and multipart,
quoted-printable and base64, RFC 2047 headers, calendar invitations, threads that quote older
messages), the job alerts, newsletters and marketing around it, and traps. ``EXPECTED`` lists
what a perfect scan proposes: (company, role or None, column, value)."""

from __future__ import annotations

import datetime as dt
import email.utils
import random
from email.message import EmailMessage
from email.policy import SMTP

import pandas as pd
from conftest import apps_frame

ME = "sam.taylor@gmail.com"
ME_NAME = "Sam Taylor"
START = dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC)

# company, role, domain (None: only an ATS writes), ATS (None: the company's own mail),
# language, what happens: a list of steps
APPLICATIONS = [
    ("Acme Systems GmbH", "Data Analyst", "acme-systems.de", None, "de", ["ack", "interview_ics", "thanks", "offer"]),
    ("Globex", "Data Engineer", "globex.com", None, "en", ["ack", "reject"]),
    ("Globex", "Product Analyst", "globex.com", None, "en", ["ack", "interview_text", "promise", "followup"]),
    ("Initech Ltd", "BI Developer", "initech.co.uk", None, "en", ["reply_human", "interview_text", "thanks", "reject_after", "rejection_thanks"]),
    ("Hooli", "Analytics Engineer", None, "greenhouse", "en", ["ack_ats", "assessment", "reject_unable"]),
    ("Wonka Industries", "Research Analyst", None, "lever", "en", ["ack_ats", "interview_ics"]),
    ("Tyrell Corporation", "Data Scientist", None, "workday", "en", ["ack_ats", "reject"]),
    ("Müller Logistik", "Datenanalyst", "mueller-logistik.de", None, "de", ["ack", "reject"]),
    ("Société Générale Conseil", "Analyste de données", "sgconseil.fr", None, "fr", ["ack", "interview_text", "reject"]),
    ("Telefónica Datos", "Analista de datos", "telefonica-datos.es", None, "es", ["ack", "reject"]),
    ("Umbrella Health", "Product Analyst", "umbrella-health.com", None, "en", ["ack", "thread_reply_gmail"]),
    ("Stark Analytics", "Senior Data Analyst", "starkanalytics.io", None, "en", ["ack", "interview_text", "thanks", "promise"]),
    ("Vandelay Import", "Business Analyst", "vandelay.com", None, "en", ["quoted_reject"]),
    ("Pied Piper", "Data Engineer", "piedpiper.com", None, "en", ["ack", "offer"]),
    ("Soylent Media", "Marketing Analyst", None, "smartrecruiters", "en", ["ack_ats", "reject_html"]),
    ("Cyberdyne Systems", "Data Scientist", "cyberdyne.ai", None, "en", ["ack", "ack_with_future_interview"]),
    ("Aperture Labs", "Research Analyst", "aperturelabs.com", None, "en", ["interview_calendar_only", "thanks"]),
    ("Black Mesa", "Data Analyst", "blackmesa.org", None, "en", ["ack", "reject_base64"]),
    ("Nakatomi Trading", "BI Analyst", "nakatomi.jp", None, "en", ["ack", "screening_call"]),
    ("Gringotts Bank", "Risk Analyst", None, "personio", "de", ["ack_ats", "interview_text_de"]),
    ("Monarch Solutions", "Data Analyst", "monarch-solutions.com", None, "en", ["followup_only"]),
    ("Virtucon", "Analytics Engineer", "virtucon.com", None, "fr", ["ack", "offer"]),
    ("Oscorp", "Data Engineer", "oscorp.com", None, "es", ["ack", "interview_text"]),
    ("Dunder Mifflin", "Sales Analyst", "dundermifflin.com", None, "en", ["ack"]),
    ("Wayne Enterprises", "Data Analyst", "wayne-enterprises.com", None, "en", ["early_reply", "ack"]),
    ("Massive Dynamic", "Research Analyst", "massivedynamic.com", None, "en", ["reply_human"]),
    ("Prestige Worldwide", "Data Analyst", None, "teamtailor", "en", ["ack_ats", "reject"]),
    ("Blue Sun", "Data Scientist", "bluesun.com", None, "de", ["ack", "offer"]),
    ("Kruger Labs", "ML Engineer", "krugerlabs.com", None, "en", ["ack", "assessment", "interview_ics", "reject_after"]),
    ("Ollivander", "Product Analyst", "ollivander.co.uk", None, "en", ["ack", "reject"]),
]
# Companies the tracker does not hold yet, whose acknowledgement proposes a new application.
UNKNOWN = [("Zorg Logistics", "Data Analyst", "zorg-logistics.com", None),
           ("Bluth Company", "Financial Analyst", None, "greenhouse"),
           ("Sirius Cybernetics", "Data Engineer", "sirius-cybernetics.com", None)]
ATS = {"greenhouse": "no-reply@us.greenhouse-mail.io", "lever": "no-reply@hire.lever.co",
       "workday": "{slug}@myworkday.com", "smartrecruiters": "noreply@smartrecruiters.com",
       "personio": "noreply@personio.de", "teamtailor": "no-reply@teamtailor-mail.com"}

TEXTS = {
    "ack": {
        "en": ("Thank you for your application", "Hi Sam,\n\nThank you for applying for the {role} position at {company}. We have received your application and our team will review it.\n\nBest regards,\n{company} Recruiting"),
        "de": ("Eingangsbestätigung Ihrer Bewerbung", "Hallo Sam,\n\nvielen Dank für Ihre Bewerbung als {role}. Wir haben Ihre Bewerbung erhalten und melden uns.\n\nMit freundlichen Grüßen\n{company}"),
        "fr": ("Nous avons bien reçu votre candidature", "Bonjour Sam,\n\nNous avons bien reçu votre candidature pour le poste de {role}. Notre équipe va l'étudier.\n\nCordialement,\n{company}"),
        "es": ("Hemos recibido tu candidatura", "Hola Sam:\n\nGracias por tu candidatura al puesto de {role}. Hemos recibido tu solicitud y la revisaremos.\n\nUn saludo,\n{company}"),
    },
    "reject": {
        "en": ("Your application for {role}", "Dear Sam,\n\nThank you for your interest in {company}. Unfortunately, we have decided to move forward with other candidates whose experience more closely matches the role.\n\nWe wish you the best.\n{company} Talent Team"),
        "de": ("Ihre Bewerbung als {role}", "Sehr geehrter Herr Taylor,\n\nvielen Dank für Ihr Interesse. Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.\n\nMit freundlichen Grüßen\n{company}"),
        "fr": ("Votre candidature - {role}", "Bonjour Sam,\n\nNous vous remercions pour votre candidature. Malheureusement, nous ne sommes pas en mesure de donner une suite favorable.\n\nBien cordialement,\n{company}"),
        "es": ("Tu candidatura para {role}", "Hola Sam:\n\nLamentablemente, no has sido seleccionado para el puesto de {role}. Hemos decidido continuar con otros candidatos.\n\nSaludos,\n{company}"),
    },
    "interview_text": {
        "en": ("Interview invitation - {role}", "Hi Sam,\n\nThanks for your application. We would like to invite you to an interview with our team on Tuesday, {day:%B %-d} at 2pm. Please let me know if that works.\n\nBest,\nJordan Lee\nHiring Manager, {company}"),
        "de": ("Einladung zum Vorstellungsgespräch", "Hallo Sam,\n\nwir möchten Sie gerne zu einem Vorstellungsgespräch am {day:%-d}. {month_de} um 14 Uhr einladen.\n\nViele Grüße\nJana Weber\n{company}"),
        "fr": ("Invitation à un entretien", "Bonjour Sam,\n\nNous souhaitons vous inviter à un entretien le {day:%-d} {month_fr} à 14h.\n\nCordialement,\nClaire Martin\n{company}"),
        "es": ("Invitación a una entrevista", "Hola Sam:\n\nNos gustaría invitarte a una entrevista el {day:%-d} de {month_es} a las 14:00.\n\nUn saludo,\nLucía García\n{company}"),
    },
    "offer": {
        "en": ("Offer of employment - {role}", "Dear Sam,\n\nWe are delighted to offer you the position of {role} at {company}. Please find the offer letter attached.\n\nWarm regards,\nAlex Kim\n{company}"),
        "de": ("Ihr Vertragsangebot", "Hallo Sam,\n\nwir freuen uns, Ihnen die Stelle als {role} anbieten zu können. Das Vertragsangebot finden Sie anbei.\n\nBeste Grüße\n{company}"),
        "fr": ("Offre d'emploi - {role}", "Bonjour Sam,\n\nNous avons le plaisir de vous proposer le poste de {role}. Vous trouverez l'offre d'emploi en pièce jointe.\n\nCordialement,\n{company}"),
        "es": ("Oferta de trabajo", "Hola Sam:\n\nNos complace ofrecerte el puesto de {role}. Adjuntamos la carta oferta.\n\nSaludos,\n{company}"),
    },
}
MONTHS = {"de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"],
          "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"],
          "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                 "septiembre", "octubre", "noviembre", "diciembre"]}


def _slug(company: str) -> str:
    return "".join(c for c in company.lower() if c.isalnum())[:12] or "company"


class Corpus:
    """Builds the messages, the tracker and the expected proposals together."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.messages: list[EmailMessage] = []
        self.expected: list[tuple[str, str | None, str, object]] = []
        self.tracker_rows: list[dict[str, object]] = []
        self.counter = 0

    def message(self, *, sender: str, to: str, subject: str, body: str, when: dt.datetime,
                html: bool = False, encoding: str | None = None, headers: dict | None = None,
                reply_to: EmailMessage | None = None, calendar: dt.datetime | None = None,
                attachment: str | None = None, labels: str = "Inbox") -> EmailMessage:
        self.counter += 1
        built = EmailMessage()
        built["From"] = sender
        built["To"] = to
        built["Subject"] = subject
        built["Date"] = email.utils.format_datetime(when)
        built["Message-ID"] = f"<m{self.counter}.{self.rng.randrange(10**6)}@mail.test>"
        built["X-Gmail-Labels"] = labels
        if reply_to is not None:
            built["In-Reply-To"] = reply_to["Message-ID"]
            built["References"] = reply_to["Message-ID"]
        for name, value in (headers or {}).items():
            built[name] = value
        if html:
            markup = "<html><head><style>p{color:red}</style></head><body>" + "".join(
                f"<p>{line}</p>" for line in body.split("\n") if line) + "</body></html>"
            built.set_content(markup, subtype="html", cte=encoding)
        else:
            built.set_content(body, cte=encoding)
        if calendar is not None:
            ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n"
                   "BEGIN:VEVENT\r\nUID:" + f"ev{self.counter}@mail.test\r\n"
                   f"DTSTART:{calendar:%Y%m%dT%H%M%SZ}\r\n"
                   f"DTEND:{calendar + dt.timedelta(hours=1):%Y%m%dT%H%M%SZ}\r\n"
                   "SUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
            built.add_attachment(ics.encode(), maintype="text", subtype="calendar",
                                 filename="invite.ics")
        if attachment:
            built.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf",
                                 filename=attachment)
        self.messages.append(built)
        return built

    def mbox(self) -> bytes:
        parts = []
        for built in self.messages:
            when = email.utils.parsedate_to_datetime(built["Date"])
            raw = built.as_bytes(policy=SMTP).replace(b"\r\n", b"\n")
            raw = raw.replace(b"\nFrom ", b"\n>From ")
            parts.append(f"From {_slug(built['From'])}@x {when:%a %b %d %H:%M:%S %Y}\n"
                         .encode() + raw + b"\n")
        return b"".join(parts)

    def tracker(self) -> pd.DataFrame:
        return apps_frame(self.tracker_rows)


def _company_sender(company: str, domain: str | None, ats: str | None,
                    person: str | None = None) -> str:
    if ats is not None:
        address = ATS[ats].format(slug=_slug(company))
        return f'"{company} Recruiting" <{address}>' if ats != "workday" else \
            f'"{company}" <{address}>'
    local = person.split()[0].lower() + "." + person.split()[-1].lower() if person else \
        "careers"
    name = person or f"{company} Careers"
    return f'"{name}" <{local}@{domain}>'


def build(seed: int = 7) -> Corpus:
    corpus = Corpus(seed)
    rng = corpus.rng
    me = f'"{ME_NAME}" <{ME}>'
    for number, (company, role, domain, ats, language, steps) in enumerate(APPLICATIONS):
        applied = START + dt.timedelta(days=number % 20, hours=number)
        link = (f"https://careers.{domain}/jobs/{100 + number}" if domain and number % 4 == 0
                else f"https://boards.greenhouse.io/{_slug(company)}/jobs/{number}"
                if ats == "greenhouse" else None)
        corpus.tracker_rows.append({"company": company.replace(" GmbH", "").replace(" Ltd", "")
                                    if number % 3 == 0 else company, "role": role,
                                    "date_applied": applied.date().isoformat(),
                                    "status": "applied", "job_url": link})
        when = applied
        first_message = len(corpus.messages)
        sent_application = corpus.message(
            sender=me, to=f"careers@{domain}" if domain else ATS.get(ats or "", "x@x.test"),
            subject=f"Application for {role}", body=f"Dear team,\n\nplease find attached my "
            f"application for the {role} position.\n\nBest,\nSam", when=applied,
            attachment="Sam_Taylor_CV.pdf", labels="Sent")
        status = "applied"
        first_response = None
        interviewed = None
        last_received = None
        for step in steps:
            when = when + dt.timedelta(days=rng.randint(3, 8), hours=rng.randint(1, 5))
            day = when.date()
            texts = lambda kind, language=language: TEXTS[kind][language]  # noqa: E731
            fmt = {"company": company, "role": role}
            if step in ("ack", "ack_ats"):
                subject, body = texts("ack")
                corpus.message(sender=_company_sender(company, domain, ats) if step == "ack_ats"
                               else f'"{company}" <no-reply@{domain}>', to=me,
                               subject=subject.format(**fmt), body=body.format(**fmt),
                               when=when, headers={"Auto-Submitted": "auto-generated"},
                               encoding="quoted-printable" if language != "en" else None)
            elif step in ("reject", "reject_after", "reject_unable", "reject_html",
                          "reject_base64"):
                subject, body = texts("reject")
                if step == "reject_unable":
                    body = ("Hi Sam,\n\nThank you for taking the assessment. We were impressed, "
                            "but we are unable to offer you the position at this time.\n\n"
                            f"{company} Recruiting")
                last_received = corpus.message(
                    sender=_company_sender(company, domain, ats,
                                           None if ats else "Riley Brooks"),
                    to=me, subject=subject.format(**fmt), body=body.format(**fmt), when=when,
                    html=step == "reject_html",
                    encoding="base64" if step == "reject_base64" else None)
                status = "rejected"
                first_response = first_response or day
                corpus.expected.append((company, role, "decision_date", day))
            elif step in ("interview_text", "interview_text_de", "interview_ics",
                          "interview_calendar_only", "screening_call"):
                held = (when + dt.timedelta(days=6)).replace(hour=14, minute=0)
                lang = "de" if step == "interview_text_de" else language
                subject, body = TEXTS["interview_text"][lang]
                text = body.format(day=held, month_de=MONTHS["de"][held.month - 1],
                                   month_fr=MONTHS["fr"][held.month - 1],
                                   month_es=MONTHS["es"][held.month - 1], **fmt)
                if step == "interview_ics":
                    text = (f"Hi Sam,\n\nWe'd like to invite you to an interview for {role}. "
                            "The invitation is attached.\n\nBest,\nJordan")
                if step == "interview_calendar_only":
                    subject, text = f"Invitation: {role} chat", "Invitation from calendar."
                if step == "screening_call":
                    subject = "Quick call?"
                    text = (f"Hi Sam,\n\nI'm a recruiter at {company}. Could we schedule a quick "
                            f"call on {held:%A, %B %-d} at 2pm to talk about the {role} role?"
                            "\n\nThanks,\nMorgan")
                last_received = corpus.message(
                    sender=_company_sender(company, domain, ats,
                                           None if ats else "Jordan Lee"), to=me,
                    subject=subject.format(**fmt), body=text, when=when,
                    calendar=held if step in ("interview_ics", "interview_calendar_only")
                    else None)
                interviewed = held
                first_response = first_response or day
                status = "screening" if step == "screening_call" else "interviewing"
                corpus.expected.append((company, role, "interview_date", held.date()))
            elif step == "assessment":
                last_received = corpus.message(
                    sender=_company_sender(company, domain, ats), to=me,
                    subject=f"Next step: online assessment for {role}",
                    body="Hi Sam,\n\nAs a next step we invite you to complete a coding "
                         "challenge on HackerRank within 5 days.\n\nGood luck!", when=when)
                first_response = first_response or day
                status = "screening"
            elif step == "offer":
                subject, body = texts("offer")
                last_received = corpus.message(
                    sender=_company_sender(company, domain, ats, None if ats else "Alex Kim"),
                    to=me, subject=subject.format(**fmt), body=body.format(**fmt), when=when)
                first_response = first_response or day
                status = "offer"
                corpus.expected.append((company, role, "decision_date", day))
            elif step == "reply_human":
                last_received = corpus.message(
                    sender=f'"Casey Morgan" <casey.morgan@{domain}>', to=me,
                    subject=f"Re: Application for {role}", reply_to=sent_application,
                    body="Hi Sam,\n\nThanks for reaching out! I have passed your CV to the "
                         "hiring manager and will get back to you soon.\n\nCasey\n\n"
                         "On Mon, Sam Taylor wrote:\n> please find attached my application",
                    when=when)
                first_response = first_response or day
            elif step == "thread_reply_gmail":
                corpus.message(sender='"Dana Recruits" <dana.recruits@gmail.com>', to=me,
                               subject=f"Re: Application for {role}",
                               reply_to=sent_application,
                               body="Hi Sam, lovely CV. Are you free for a short call? "
                                    "Share your availability and I'll book it.", when=when)
                first_response = first_response or day
                status = "screening"  # a call asked for, no day named: no interview date
            elif step == "promise":
                corpus.message(sender=_company_sender(company, domain, ats, "Jordan Lee"),
                               to=me, subject=f"Re: {role} interview",
                               body="Hi Sam,\n\nThank you for your time today. We expect to "
                                    "make a decision within two weeks.\n\nJordan", when=when)
                corpus.expected.append((company, role, "expected_decision_date",
                                        day + dt.timedelta(days=14)))
            elif step == "thanks":
                after = (interviewed or when) + dt.timedelta(hours=20)
                corpus.message(sender=me, to=f"jordan.lee@{domain}" if domain else "x@x.test",
                               subject=f"Thank you - {role} interview",
                               body="Hi Jordan,\n\nThank you for taking the time to speak with "
                                    "me today. I enjoyed learning about the team.\n\nBest,\nSam",
                               when=after, labels="Sent")
                when = after
                corpus.expected.append((company, role, "thank_you_sent", after.date()))
            elif step in ("followup", "followup_only"):
                corpus.message(sender=me, to=f"careers@{domain}", subject=f"Following up: {role}",
                               body="Hello,\n\nI wanted to follow up on my application and ask "
                                    "whether there is any update.\n\nBest,\nSam", when=when,
                               labels="Sent")
                corpus.expected.append((company, role, "follow_up_sent", day))
            elif step == "rejection_thanks":
                corpus.message(sender=me, to=f"riley.brooks@{domain}",
                               subject=f"Re: Your application for {role}",
                               body="Hi Riley,\n\nThank you for letting me know. I enjoyed the "
                                    "process and hope to stay in touch.\n\nSam", when=when,
                               reply_to=last_received, labels="Sent")
                corpus.expected.append((company, role, "rejection_thanks_sent", day))
            elif step == "quoted_reject":
                older = corpus.message(
                    sender=f'"Pat Quinn" <pat.quinn@{domain}>', to=me,
                    subject=f"Interview for {role}",
                    body="Hi Sam, we would like to invite you to an interview next week.",
                    when=when)
                when = when + dt.timedelta(days=9)
                day = when.date()
                corpus.message(
                    sender=f'"Pat Quinn" <pat.quinn@{domain}>', to=me,
                    subject=f"Re: Interview for {role}", reply_to=older,
                    body="Hi Sam,\n\nUnfortunately we have decided not to move forward with your "
                         "application.\n\nPat\n\nOn Tue, Pat Quinn wrote:\n> we would like to "
                         "invite you to an interview next week", when=when)
                first_response = first_response or older["Date"] and (
                    email.utils.parsedate_to_datetime(older["Date"]).date())
                status = "rejected"
                corpus.expected.append((company, role, "decision_date", day))
                # "an interview next week" names no day: no interview date is proposed
            elif step == "ack_with_future_interview":
                corpus.message(sender=f'"{company}" <no-reply@{domain}>', to=me,
                               subject="Application update",
                               body="Thank you for your application. If your profile matches, "
                                    "we may invite you to an interview.", when=when,
                               headers={"Auto-Submitted": "auto-generated"})
            elif step == "early_reply":
                corpus.message(sender=f'"{company} News" <hello@{domain}>', to=me,
                               subject="Meet our team", body="Hi Sam, we would love to meet "
                               "you at our open day.", when=applied - dt.timedelta(days=10))
        if first_response is not None:
            corpus.expected.append((company, role, "first_response_date", first_response))
        if status != "applied":
            corpus.expected.append((company, role, "status", status))
        # The contact: the person who wrote last (not an automatic or team address).
        people = [m for m in corpus.messages[first_message:]
                  if ME not in str(m["From"]) and "Auto-Submitted" not in m
                  and not any(w in str(m["From"]) for w in ("careers@", "no-reply", "noreply",
                                                           "news", "hello@"))
                  and (domain is None or domain in str(m["From"]) or "gmail" in str(m["From"]))
                  and ats is None]
        if people:
            name, address = email.utils.parseaddr(str(people[-1]["From"]))
            corpus.expected.append((company, role, "contact_email", address))
            corpus.expected.append((company, role, "contact_name", name))
    for company, role, domain, ats in UNKNOWN:
        when = START + dt.timedelta(days=25)
        subject, body = TEXTS["ack"]["en"]
        corpus.message(sender=_company_sender(company, domain, ats) if ats else
                       f'"{company}" <no-reply@{domain}>', to=me,
                       subject=f"Thank you for applying to {company}",
                       body=body.format(company=company, role=role), when=when)
        corpus.expected.append((company, None, "date_applied", when.date()))
    _bulk(corpus, me)
    return corpus


def _bulk(corpus: Corpus, me: str) -> None:
    """Job alerts, newsletters and marketing that name tracked companies and say "interview"
    or "offer": none may produce a proposal."""
    rng = corpus.rng
    companies = [a[0] for a in APPLICATIONS]
    for number in range(200):
        company = companies[number % len(companies)]
        domain = next(a[2] for a in APPLICATIONS if a[0] == company) or "example.com"
        when = START + dt.timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 23))
        style = number % 5
        if style == 0:
            corpus.message(sender='"LinkedIn Job Alerts" <jobalerts-noreply@linkedin.com>',
                           to=me, subject=f"{company} is hiring a Data Analyst",
                           body=f"New jobs at {company}. Apply now and ace your interview!",
                           when=when, headers={"List-Unsubscribe": "<https://l.test/u>"})
        elif style == 1:
            corpus.message(sender=f'"{company}" <newsletter@{domain}>', to=me,
                           subject="10 interview tips from our recruiters",
                           body="We are delighted to offer you our interview guide. Unfortunately "
                                "spots are limited!", when=when,
                           headers={"List-Unsubscribe": "<mailto:u@x.test>"}, html=True)
        elif style == 2:
            corpus.message(sender=f'"{company} Deals" <offers@{domain}>', to=me,
                           subject="Special offer: 20% off", body="Our best offer of the year.",
                           when=when, headers={"Precedence": "bulk"})
        elif style == 3:
            corpus.message(sender='"Indeed" <alert@indeedmail.com>', to=me,
                           subject=f"Interview invitations at {company}",
                           body=f"Companies like {company} are inviting candidates to an "
                                "interview.", when=when)
        else:
            corpus.message(sender=f'"Friend {number}" <friend{number}@gmail.com>', to=me,
                           subject=f"=?utf-8?q?Caf=C3=A9_on_{when:%A}?=",
                           body="Shall we get coffee? No news about jobs here.", when=when)


def proposals_by_key(frame: pd.DataFrame, tracker: pd.DataFrame
                     ) -> dict[tuple[str, str | None, str], object]:
    """A scan's proposals as (company, role, column) -> value, values as days or text."""
    found = {}
    for proposal in frame.itertuples(index=False):
        if pd.notna(proposal.row):
            row = tracker.loc[int(proposal.row)]
            company, role = _tracked_name(row["company"]), row["role"]
        else:
            company, role = proposal.company, None
        value = proposal.value
        if isinstance(value, pd.Timestamp | dt.datetime):
            value = value.date()
        found[(company, role, proposal.column)] = value
    return found


def _tracked_name(name: str) -> str:
    return next(a[0] for a in APPLICATIONS if a[0].startswith(name))


def expected_by_key(corpus: Corpus) -> dict[tuple[str, str | None, str], object]:
    found = {}
    for company, role, column, value in corpus.expected:
        if isinstance(value, dt.datetime):
            value = value.date()
        found[(company, role, column)] = value
    return found


def accuracy(corpus: Corpus, frame: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall per column: a proposal is right when its application, column and
    value are the expected ones (a day for dates)."""
    got = proposals_by_key(frame, corpus.tracker())
    want = expected_by_key(corpus)
    rows = []
    columns = sorted({k[2] for k in got} | {k[2] for k in want})
    for column in [*columns, "all"]:
        g = {k: v for k, v in got.items() if column == "all" or k[2] == column}
        w = {k: v for k, v in want.items() if column == "all" or k[2] == column}
        right = sum(1 for k, v in g.items() if k in w and _same(w[k], v))
        rows.append({"column": column, "proposed": len(g), "expected": len(w), "right": right,
                     "precision": right / len(g) if g else 1.0,
                     "recall": right / len(w) if w else 1.0})
    return pd.DataFrame(rows)


def _same(expected: object, got: object) -> bool:
    if isinstance(expected, str) and isinstance(got, str):
        return expected.strip().lower() == got.strip().lower()
    return expected == got
