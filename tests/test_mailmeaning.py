"""What application emails mean, on wordings as companies and tracking systems write them
(not the test mailbox's templates)."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.mail import meaning as mm

SENT = dt.datetime(2026, 10, 28, 9, 0, tzinfo=dt.UTC)  # a Wednesday


@pytest.mark.parametrize(("subject", "body"), [
    ("Update on your application", "After careful consideration, we have decided to pursue "
     "other applicants for this position."),
    ("Your application", "We've decided not to proceed with your application at this time."),
    ("Acme - Data Analyst", "Unfortunately, we are not able to move your application forward."),
    ("Thanks", "Thank you for interviewing with us. Unfortunately the team has decided to move "
     "forward with other candidates."),
    ("Position update", "We wanted to let you know that we have filled the position."),
    ("Ihre Bewerbung", "Leider können wir Ihnen keine positive Rückmeldung geben."),
    ("Ihre Bewerbung", "Nach sorgfältiger Prüfung haben wir uns für andere Bewerber entschieden."),
    ("Votre candidature", "Nous ne pouvons pas donner une suite favorable à votre candidature."),
    ("Tu candidatura", "Hemos decidido seguir adelante con otros candidatos."),
    ("Re: Offer?", "We are unable to offer you the role, but thank you for your time."),
    # a choice made, with good wishes (and no invitation in "come in for pie")
    ("Re: let's meet!", "Thanks for stopping by and talking with us Wednesday. We interviewed "
     "several people for the server spot and have made a choice. We wish you the best of luck "
     "and hope you'll still come in for pie sometime!"),
])
def test_rejections_in_other_words(subject, body):
    assert mm.received_meaning(subject, body, sent=SENT).kind == mm.REJECTION


@pytest.mark.parametrize(("subject", "body"), [
    ("Next steps", "I'd love to set up a time to chat about the role."),
    ("Interview", "Please use the link below to schedule your interview."),
    ("Quick question", "Are you available for a 30-minute call this week?"),
    ("Moving forward", "We'd love to move you forward! The next step is a video interview."),
    ("Einladung", "Wir möchten Sie gerne zu einem Kennenlerngespräch einladen."),
    ("Entretien", "Nous souhaitons vous inviter à un entretien la semaine prochaine."),
    ("Entrevista", "Nos gustaría invitarte a una entrevista el martes."),
])
def test_invitations_in_other_words(subject, body):
    assert mm.received_meaning(subject, body, sent=SENT).kind == mm.INTERVIEW


@pytest.mark.parametrize(("subject", "body", "kind"), [
    ("Thank you for applying", "We have received your application. If your skills match, we "
     "may invite you to an interview.", mm.ACKNOWLEDGEMENT),
    ("Congratulations!", "We're excited to extend an offer for the Analyst role.", mm.OFFER),
    ("Next step", "Please complete the Codility test within 5 days.", mm.ASSESSMENT),
    ("Re: hello", "Thanks Sam, I'll check with the hiring manager and come back to you.",
     mm.REPLY),
])
def test_other_kinds(subject, body, kind):
    assert mm.received_meaning(subject, body, sent=SENT).kind == kind


def test_an_automatic_message_that_says_nothing_is_not_a_reply():
    meaning = mm.received_meaning("Update", "Your profile has been updated.", sent=SENT,
                                  automatic=True)
    assert meaning.kind is None


@pytest.mark.parametrize(("subject", "body", "when"), [
    # "New date:" and "New time:" on lines of their own: the moved-to slot, not the one it
    # replaces
    ("Interview rescheduled", "This is with reference to your technical round scheduled on "
     "Saturday, 31 October 2026 at 10:00 AM.\nOne of our panel members will not be available "
     "on that day. Hence your interview has been rescheduled as below:\nNew date: Tuesday, 3 "
     "November 2026\nNew time: 2:30 PM\nVenue: same as earlier", (11, 3, 14, 30)),
    # a form's line names the interview, not a prep call said in passing
    ("First round interview", "Good news: Ashgrove Partners would like to meet you.\nFirst "
     "round: Thursday, November 5, 2026 at 4:00 PM, 45 minutes by video with Caroline Hewitt."
     "\nLet's do a 15-minute prep call on Wednesday - does 6 PM work?", (11, 5, 16, 0)),
])
def test_an_invitation_laid_out_as_a_form_gives_its_day_and_time(subject, body, when):
    meaning = mm.received_meaning(subject, body, sent=SENT, person=True)
    assert meaning.kind == mm.INTERVIEW
    assert meaning.interview_at == dt.datetime(2026, *when, tzinfo=dt.UTC)


def test_a_forms_day_and_time_lines_name_the_interview_over_a_day_in_passing():
    body = ("Interview details\nDate: Thursday, 5 November 2026\nTime: 16:00\n"
            "Before that, could we have a short call on Tuesday at 9:00?")
    when = mm.interview_time(body, SENT)
    assert when == dt.datetime(2026, 11, 5, 16, 0, tzinfo=dt.UTC)


def test_several_slots_offered_set_no_day_and_a_slot_taken_is_the_persons_timezone():
    # a day gone by, named without its year, is not next year's
    assert mm.interview_time("Thank you again for the interview on 20 October.", SENT) is None
    assert mm.interview_time("Could you do Tuesday 3 November at 10:00 or Thursday 5 November "
                             "at 14:00 for the interview?", SENT) is None
    paris = dt.datetime(2026, 10, 28, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    taken = mm.sent_meaning("Re: Interview", "Thursday 5 November at 14:00 works best for me.",
                            after_rejection=False, after_interview=True, attachments=[],
                            sent=paris)
    assert (taken.kind, taken.interview_at) == (mm.SENT_SLOT, dt.datetime(
        2026, 11, 5, 14, 0, tzinfo=paris.tzinfo))
    gone = mm.sent_meaning("Re: Interview", "Monday 26 October at 14:00 works best for me.",
                           after_rejection=False, after_interview=True, attachments=[],
                           sent=paris)
    assert gone.interview_at is None


def test_a_calendar_invitation_gives_the_interview_time():
    start = dt.datetime(2026, 11, 3, 14, 0, tzinfo=dt.UTC)
    meaning = mm.received_meaning("Invitation: Interview", "", sent=SENT, calendar=start)
    assert (meaning.kind, meaning.interview_at) == (mm.INTERVIEW, start)


@pytest.mark.parametrize(("text", "hour", "day"), [
    ("We'd like to invite you to an interview on Tuesday, November 3 at 2pm.", 14, 3),
    ("Einladung zum Vorstellungsgespräch am 3. November um 10 Uhr.", 10, 3),
    ("Nous souhaitons vous inviter à un entretien le 4 novembre à 15h.", 15, 4),
])
def test_the_interview_time_is_read_from_the_text(text, hour, day):
    when = mm.received_meaning("Interview", text, sent=SENT).interview_at
    assert (when.day, when.hour) == (day, hour)


@pytest.mark.parametrize("text", [
    "Bitte wähle einen Termin für das Gespräch aus: Slots zwischen dem 9. und 13. November.",
    "Interview slots are open between the 9th and 13 November.",
    "Entretiens du 9 au 13 novembre : choisissez votre créneau.",
    "Interviews: 9.–13. November",
])
def test_a_span_of_days_offered_sets_no_interview_day(text):
    assert mm.interview_time(text, SENT) is None


@pytest.mark.parametrize(("text", "day"), [
    ("We expect to make a decision by Friday, November 6.", dt.date(2026, 11, 6)),
    ("You will hear from us within two weeks.", dt.date(2026, 11, 11)),
    ("Wir melden uns innerhalb von zwei Wochen.", dt.date(2026, 11, 11)),
    ("Nous reviendrons vers vous d'ici vendredi.", dt.date(2026, 10, 30)),
])
def test_promised_decision_dates(text, day):
    assert mm.promised_decision(text, SENT.date()) == day


@pytest.mark.parametrize(("subject", "body", "flags", "kind"), [
    ("Thank you", "Thank you for taking the time to meet with me today.",
     {"after_interview": True}, mm.SENT_THANK_YOU),
    ("Re: Your application", "Thank you for letting me know, I enjoyed meeting the team.",
     {"after_rejection": True}, mm.SENT_REJECTION_THANKS),
    ("Checking in", "I wanted to follow up on my application.", {}, mm.SENT_FOLLOW_UP),
    ("Application for Data Analyst", "Please find attached my CV.", {}, mm.SENT_APPLICATION),
    ("Dinner?", "See you on Friday!", {}, None),
    # after an offer: thanks only, a follow-up or words it cannot place answer the offer
    ("Re: Your offer", "Thank you so much for everything along the way.",
     {"after_interview": True, "after_offer": True}, mm.SENT_ANSWER),
    ("Re: Your offer", "I wanted to follow up on the contract.",
     {"after_interview": True, "after_offer": True}, mm.SENT_ANSWER),
    ("Re: Your offer", "I'm going to go a different direction.",
     {"after_interview": True, "after_offer": True}, mm.SENT_ANSWER),
    ("Re: Your offer", "I am writing to formally accept the position.",
     {"after_interview": True, "after_offer": True}, mm.SENT_ACCEPT),
    ("Re: Your offer", "Thank you for letting me know.",
     {"after_rejection": True, "after_offer": True}, mm.SENT_REJECTION_THANKS),
    # work handed in, with thanks for the chance: no thank-you note after a meeting
    ("Re: Seu teste técnico", "Segue minha entrega do teste técnico: https://github.com/x/y\n\n"
     "Agradeço a oportunidade de participar deste teste técnico.", {"after_interview": True},
     None),
    ("Re: Take-home", "Here is my completed take-home. Thank you for the opportunity!",
     {"after_interview": True}, None),
    # a slot taken or a meeting asked to be moved, with thanks for the chance: no thank-you note
    ("Re: Video screening", "Thank you for the opportunity. Thursday, 29 October 2026 at "
     "10:00 AM works best for me.", {"sent": SENT}, None),
    ("Re: Telephonic round", "Thank you for the opportunity. Unfortunately I will not be able to "
     "take the call on Thursday. Would it be possible to reschedule to Friday?",
     {"after_interview": True}, None),
    # the person's own application by mail, in Spanish: not the "seguimiento" of files it names
    ("Postulación para Búsqueda N° 118", "Me dirijo a ustedes para postularme a la Búsqueda N° "
     "118. Me interesa aplicar mi experiencia al seguimiento de expedientes.", {},
     mm.SENT_APPLICATION),
])
def test_what_the_user_sent(subject, body, flags, kind):
    options = {"after_rejection": False, "after_interview": False, **flags}
    assert mm.sent_meaning(subject, body, attachments=[], **options).kind == kind


# --- how sure, and the promise carried by every kind ------------------------------------------

SENT_ON = dt.datetime(2026, 6, 1, 10)
PROMISE = " We will get back to you by 10 June 2026."


@pytest.mark.parametrize(("subject", "body", "kind", "confidence", "promised"), [
    # a no decides: a promise beside it ("I'll be in touch next week") is about other roles
    ("Your application", "Unfortunately we have decided not to move forward.", "rejection",
     0.95, None),
    ("Next steps", "We would like to invite you to an interview.", "interview", 0.9,
     dt.date(2026, 6, 10)),
    ("Update", "Thanks for interviewing with us.", "reply", 0.75, dt.date(2026, 6, 10)),
])
def test_received_meaning_is_as_sure_as_its_evidence_and_keeps_the_promise(
        subject, body, kind, confidence, promised):
    meaning = mm.received_meaning(subject, body + PROMISE, sent=SENT_ON)
    assert (meaning.kind, meaning.confidence) == (kind, confidence)
    assert meaning.promised == promised
    bare = mm.received_meaning(subject, body, sent=SENT_ON)
    assert bare.promised is None and bare.confidence == confidence


@pytest.mark.parametrize(("said", "day"), [
    (" We aim to get back to you within two weeks.", None),
    (" Wir melden uns innerhalb von zwei Wochen bei Ihnen.", None),
    (" Nous reviendrons vers vous sous 15 jours.", None),
    (" You will hear from us by Friday 12 June.", dt.date(2026, 6, 12)),
    (" Sie erhalten bis spätestens Freitag eine Rückmeldung.", dt.date(2026, 6, 5)),
    # the time frame first, the day named after it
    (" We aim to get back to you within two weeks. You will hear from us by Friday 12 June at "
     "the latest.", dt.date(2026, 6, 12)),
])
def test_an_acknowledgement_promises_only_a_day_it_names(said, day):
    meaning = mm.received_meaning("Your application", "Thank you for your application, we have"
                                  " received it." + said, sent=SENT_ON, automatic=True)
    assert (meaning.kind, meaning.promised) == ("acknowledgement", day)
    reply = mm.received_meaning("Re: your application", "Thanks for the chat today." + said,
                                sent=SENT_ON)
    assert reply.kind == "reply" and reply.promised is not None


@pytest.mark.parametrize("before", [
    "We made the decision on 2 November to extend the search.",  # a day gone by: the next one
    "Please confirm your slot by Wednesday 18 November.",  # the person's deadline
])
def test_a_promise_after_a_sentence_that_is_none_is_read(before):
    said = f"{before} We will let you know by Friday 20 November."
    assert mm.promised_decision(said, dt.date(2026, 11, 16)) == dt.date(2026, 11, 20)


@pytest.mark.parametrize("said", [PROMISE, " Would be great to get an answer by mon June 8."])
def test_an_offer_promises_no_decision_the_person_owes_it(said):
    meaning = mm.received_meaning("Offer", "We are delighted to offer you the position." + said,
                                  sent=SENT_ON)
    assert (meaning.kind, meaning.confidence, meaning.promised) == ("offer", 0.9, None)


def test_a_calendar_invitation_is_surer_than_words():
    start = dt.datetime(2026, 6, 3, 14)
    meaning = mm.received_meaning("Invitation", "Interview with the team", sent=SENT_ON,
                               calendar=start)
    assert (meaning.kind, meaning.confidence, meaning.interview_at) == ("interview", 0.95, start)


def test_a_machine_message_without_meaning_is_nothing():
    meaning = mm.received_meaning("Hello", "A plain note.", sent=SENT_ON, automatic=True)
    assert (meaning.kind, meaning.confidence) == (None, 0.0)
    assert mm.received_meaning("Hello", "A plain note.", sent=SENT_ON).kind == "reply"


@pytest.mark.parametrize(("subject", "body", "after_rejection", "after_interview", "files",
                          "kind", "confidence"), [
    ("Thanks", "Thank you for letting me know", True, True, [], "sent_rejection_thanks", 0.9),
    ("Thank you", "Thank you for your time today", False, True, [], "sent_thank_you", 0.9),
    ("Following up", "I wanted to follow up on my application", False, True, [],
     "sent_follow_up", 0.85),
    ("Application", "Please find attached", False, False, ["CV.pdf"], "sent_application",
     0.85),
    ("Hello", "See you", False, False, [], None, 0.0),
])
def test_sent_meaning_and_how_sure(subject, body, after_rejection, after_interview, files,
                                   kind, confidence):
    meaning = mm.sent_meaning(subject, body, after_rejection=after_rejection,
                           after_interview=after_interview, attachments=files)
    assert (meaning.kind, meaning.confidence) == (kind, confidence)


# --- interview days and promised decisions as other people write them ------------------------

MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("subject", "body", "day", "hour"), [
    ("Interview invitation", "We would like to invite you to an interview.\nDate: Thursday, "
     "12 March 2026\nTime: 14:00\nLocation: our office", 12, 14),
    ("Einladung", "wir laden Sie zu einem Vorstellungsgespräch ein.\nDatum: 12.03.2026\n"
     "Uhrzeit: 14:00 Uhr", 12, 14),
    ("Convocation", "Nous vous proposons un entretien.\nDate : jeudi 12 mars 2026\n"
     "Heure : 10h00", 12, 10),
    ("Entrevista", "Te confirmamos la entrevista.\nFecha: 12/03/2026\nHora: 11:00 h", 12, 11),
    ("Interview", "We'd like to invite you for an interview tomorrow at 10am.", 3, 10),
    ("Gespräch", "Können wir morgen um 10 Uhr telefonieren? Ich würde Sie gern anrufen.", 3, 10),
    ("Interview", "Can you come in for an interview on Thursday?", 5, 9),
    ("Interview", "Please join us for an onsite interview on Thursday the 12th at 1pm.", 12, 13),
    ("Convocation", "Nous avons le plaisir de vous convier à un entretien le jeudi 12 mars à "
     "14 h 30.", 12, 14),
    ("Entrevista", "Nos gustaría invitarte a una entrevista el jueves 12 de marzo a las 10.",
     12, 10),
    ("New Event: 30 Minute Interview", "A new event has been scheduled.\nEvent Type: 30 Minute "
     "Interview\nEvent Date/Time: 10:00am - Thursday, March 12, 2026", 12, 10),
    ("Interview", "I have booked you in for a video interview on the 12th of March at 9:30am.",
     12, 9),
])
def test_interview_days_as_invitations_write_them(subject, body, day, hour):
    meaning = mm.received_meaning(subject, body, sent=MONDAY)
    assert meaning.kind == mm.INTERVIEW
    assert (meaning.interview_at.day, meaning.interview_at.hour) == (day, hour)


@pytest.mark.parametrize("body", [
    "Guten Morgen Frau Ruiz, wir möchten Sie zu einem Gespräch einladen. Wann passt es Ihnen?",
    "Nos gustaría invitarte a una entrevista por la mañana. ¿Qué día te viene bien?",
    "Thanks for the chat today. We would like to invite you to a second interview.",
    "We'd like to invite you to an interview on Thursday or Friday, whichever suits you.",
])
def test_no_interview_day_from_words_that_name_none(body):
    meaning = mm.received_meaning("Interview", body, sent=MONDAY)
    assert meaning.kind == mm.INTERVIEW and meaning.interview_at is None


@pytest.mark.parametrize(("text", "day"), [
    ("We expect to have an update for you within 5 business days.", dt.date(2026, 3, 9)),
    ("We plan to finalise our decision on Friday 13 March.", dt.date(2026, 3, 13)),
    ("We hope to come back to you with feedback by mid-March.", dt.date(2026, 3, 15)),
    ("We will inform all candidates of the outcome by 16 March.", dt.date(2026, 3, 16)),
    ("Wir werden Ihnen bis Ende nächster Woche Bescheid geben.", dt.date(2026, 3, 13)),
    ("Vous aurez de nos nouvelles sous 10 jours.", dt.date(2026, 3, 12)),
    ("Recibirás noticias nuestras en un plazo de dos semanas.", dt.date(2026, 3, 16)),
])
def test_promises_in_other_words(text, day):
    assert mm.promised_decision(text, MONDAY.date()) == day


@pytest.mark.parametrize("text", [
    "Bitte geben Sie uns bis Freitag Bescheid, ob der Termin passt.",
    "Please let us know your decision by Friday 13 March.",
])
def test_a_deadline_for_the_person_is_no_promise(text):
    assert mm.promised_decision(text, MONDAY.date()) is None


# --- word orders and senders others write in ----------------------------------------------

@pytest.mark.parametrize(("subject", "body", "kind"), [
    # the month May is no hedge
    ("Re: Application", "Could you come by the studio on Thursday May 28 at 3pm?", mm.INTERVIEW),
    ("Re: Application", "We may invite you to an interview later.", mm.REPLY),
    # German invitations with a separable verb or a greeting
    ("Ihre Bewerbung", "Wie besprochen lade ich Sie herzlich zu unserem ersten Kennenlernen ein.",
     mm.INTERVIEW),
    ("AW: Bewerbung", "Wir freuen uns, Sie am Donnerstag, 12. November um 16:00 Uhr zu einem "
     "telefonischen Vorabgespräch begrüßen zu dürfen.", mm.INTERVIEW),
    # rejections in word orders of their own
    ("Ihre Bewerbung", "Trotz Ihrer Qualifikation gab es eine Person, die auf das Profil noch "
     "besser passte.", mm.REJECTION),
    ("Uw sollicitatie", "Helaas kiezen we voor een kandidaat met meer ervaring.", mm.REJECTION),
    # a role put on hold is no rejection: the interview for it is called off
    ("Canceled: interview", "Unfortunately we have had to cancel the interview: the role has "
     "been put on hold.", mm.CANCELLED),
    ("Absage des Vorstellungsgesprächs am 4. November", "Leider muss ich Ihnen mitteilen, "
     "dass das vereinbarte Gespräch verschoben werden muss; ein neuer Termin folgt.",
     mm.CANCELLED),
    # a reply's subject is the earlier message's
    ("RE: Carta oferta", "¡Qué buena noticia! Te envío el contrato el lunes.", mm.REPLY),
    # thanks for the interest, from a person answering in a thread
    ("RE: Seguimiento de mi candidatura", "Gracias por su interés. Todavía estamos revisando "
     "candidaturas.", mm.REPLY),
])
def test_what_others_mean_in_their_own_words(subject, body, kind):
    assert mm.received_meaning(subject, body, sent=SENT, person=True).kind == kind


def test_a_person_travelling_who_invites_is_no_auto_reply():
    body = ("I'm traveling Monday and Tuesday next week, but could you do a video call on "
            "Wednesday, November 4 at 1pm?")
    meaning = mm.received_meaning("Re: Application", body, sent=SENT, person=True)
    assert (meaning.kind, meaning.interview_at.day) == (mm.INTERVIEW, 4)
    assert mm.received_meaning("Out of office", body, sent=SENT, person=True).kind is None


@pytest.mark.parametrize(("text", "day"), [
    ("We will let everyone know where they stand by Friday, November 6.",
     dt.date(2026, 11, 6)),
    ("Le daremos una respuesta en las próximas dos semanas.", dt.date(2026, 11, 11)),
])
def test_promises_to_everyone_and_in_the_next_weeks(text, day):
    assert mm.promised_decision(text, SENT.date()) == day


@pytest.mark.parametrize("body", [
    "Muchas gracias por la oportunidad de la entrevista de ayer.",
    "Merci pour l'opportunité de cet échange.",
    "Vielen Dank für die Gelegenheit zum Gespräch.",
])
def test_thanks_for_the_opportunity_is_a_thank_you(body):
    meaning = mm.sent_meaning("Entrevista", body, after_rejection=False, after_interview=True,
                              attachments=[])
    assert meaning.kind == mm.SENT_THANK_YOU


@pytest.mark.parametrize(("subject", "body", "kind"), [
    # a choice said not made, in any verb form and word order
    ("Application update", "Sadly the panel could not select you for the next stage.",
     mm.REJECTION),
    ("Application update", "The committee has not shortlisted your application this time.",
     mm.REJECTION),
    ("Ihre Bewerbung", "Wir haben Sie für diese Stelle nicht ausgewählt.", mm.REJECTION),
    ("Votre candidature", "Nous ne sommes malheureusement pas en mesure de donner une suite "
     "positive.", mm.REJECTION),
    ("Votre candidature", "Nous ne pouvons hélas pas donner suite à votre dossier.",
     mm.REJECTION),
    ("Tu candidatura", "En esta ocasión no vamos a poder seleccionarte para el puesto.",
     mm.REJECTION),
    # an offer in word orders of its own, never beside a negation
    ("Ihre Bewerbung", "Gern möchten wir Ihnen unser Angebot für die Stelle als Analyst "
     "vorlegen.", mm.OFFER),
    ("Deine Bewerbung", "Wir haben uns gefreut und Dich für die Teamleitung Logistik "
     "ausgewählt.", mm.OFFER),
    ("Good news", "You have been selected for the Senior Analyst position.", mm.OFFER),
    ("Votre candidature", "Vous avez été retenue pour le poste de cheffe de projet.", mm.OFFER),
    ("Next round", "You have been selected for an interview on Monday, 2 November at 10am.",
     mm.INTERVIEW),
    # terms asked of the person are a request for information, not an offer
    ("Additional information needed", "Thank you for your application. We need some "
     "additional information before we go on. Please send us your salary expectations and "
     "your earliest start date.", mm.REPLY),
    ("Ihre Bewerbung", "Vielen Dank für Ihre Bewerbung. Wir benötigen noch weitere "
     "Unterlagen: Ihre Gehaltsvorstellung und den frühestmöglichen Eintrittstermin.", mm.REPLY),
])
def test_choices_offers_and_requests_in_other_word_orders(subject, body, kind):
    assert mm.received_meaning(subject, body, sent=SENT).kind == kind


@pytest.mark.parametrize(("body", "day", "hour"), [
    ("Thanks! Tuesday 1 December at 15:00 (UK time) works best for me.", 1, 15),
    ("Donnerstag, 3. Dezember um 10 Uhr passt mir gut.", 3, 10),
    ("Le jeudi 3 décembre à 10h me convient parfaitement.", 3, 10),
    ("El jueves 3 de diciembre a las 10:00 me viene bien.", 3, 10),
])
def test_the_slot_the_person_takes_is_the_interview_day(body, day, hour):
    sent = dt.datetime(2026, 11, 18, 19, 0, tzinfo=dt.UTC)
    meaning = mm.sent_meaning("Re: interview slots", body, after_rejection=False,
                              after_interview=True, attachments=[], sent=sent)
    assert meaning.kind == mm.SENT_SLOT
    assert (meaning.interview_at.day, meaning.interview_at.hour) == (day, hour)


def test_several_days_offered_back_choose_none():
    sent = dt.datetime(2026, 11, 18, 19, 0, tzinfo=dt.UTC)
    meaning = mm.sent_meaning("Re: slots", "I could do Tuesday at 10 or Wednesday at 14:00.",
                              after_rejection=False, after_interview=True, attachments=[],
                              sent=sent)
    assert meaning.kind is None


def test_sentences_end_before_a_small_letter_too_but_not_after_an_abbreviation():
    said = mm.sentences("you're one of two finalists. we're waiting on sign-off! can you do "
                        "tues. oct 6 at 2 p.m. on zoom, approx. an hour? etc. and so on")
    assert said == ["you're one of two finalists.", "we're waiting on sign-off!",
                    "can you do tues. oct 6 at 2 p.m. on zoom, approx. an hour?",
                    "etc. and so on"]


def test_a_meeting_called_off_and_moved_with_its_new_invitation_is_no_rejection():
    body = ("sorry für die kurzfristige Absage – Deniz ist diese Woche leider krank. Können wir "
            "das Fachgespräch auf Dienstag, 27. Oktober, 11:00 Uhr verschieben?")
    start = dt.datetime(2026, 10, 27, 11, tzinfo=dt.UTC)
    moved = mm.received_meaning("Neuer Termin für unser Fachgespräch", body, sent=SENT,
                                calendar=start, person=True)
    assert (moved.kind, moved.interview_at) == ("interview", start)
    # without the new invitation, "Absage" alone still reads as a no
    assert mm.received_meaning("Ihre Bewerbung", "Leider müssen wir Ihnen eine Absage "
                               "erteilen.", sent=SENT, person=True).kind == "rejection"


def test_asking_to_move_a_call_is_no_follow_up_whatever_interest_it_repeats():
    body = ("I'm sorry to ask at short notice - I won't be able to make our call at 2pm. I'm "
            "still very interested in the role. Would Thursday 8 or Friday 9 October work "
            "instead?")
    got = mm.sent_meaning("Re: first chat", body, after_rejection=False, after_interview=False,
                          attachments=[])
    assert got.kind != mm.SENT_FOLLOW_UP
    chasing = mm.sent_meaning("Checking in", "I'm still very interested in the role and "
                              "wondered whether there is any news.", after_rejection=False,
                              after_interview=True, attachments=[])
    assert chasing.kind == mm.SENT_FOLLOW_UP


def test_a_sentence_ends_after_a_time_of_day_or_a_year():
    assert mm.sentences("Come at 10:00. I'll call you. On 24 November 2026. Please reply.") == [
        "Come at 10:00.", "I'll call you.", "On 24 November 2026.", "Please reply."]
    assert mm.sentences("Am 12.03. um 10 Uhr.") == ["Am 12.03. um 10 Uhr."]


@pytest.mark.parametrize("body", [
    "Hartelijk dank voor het aanbod. Ik aanvaard de functie van beleidsmedewerker graag.",
    "Tack för erbjudandet! Jag tackar ja till tjänsten.",
])
def test_accepting_is_read_when_the_offer_is_named_in_the_person_s_language(body):
    """The person's acceptance names the offer as their language does ("aanbod",
    "erbjudande"); with no offer read before, that word is what makes it an acceptance."""
    got = mm.sent_meaning("Re: functie", body, after_rejection=False, after_interview=True,
                          attachments=[])
    assert got.kind == mm.SENT_ACCEPT


@pytest.mark.parametrize("board", [True, False])
def test_a_reminder_of_an_application_never_sent_acknowledges_nothing(board):
    body = ("Hi Talia, you started an application but haven't submitted it yet: Warehouse Data "
            "Coordinator - Spreeport Logistik. Finish your application in a couple of minutes.")
    unfinished = mm.received_meaning("You didn't finish your application", body, sent=SENT,
                                     automatic=True, from_company=False, board=board)
    sent = mm.received_meaning("Your application was sent to Spreeport Logistik", "Good luck!",
                               sent=SENT, automatic=True, from_company=False, board=board)
    assert (unfinished.kind, sent.kind) == (None, mm.ACKNOWLEDGEMENT)
