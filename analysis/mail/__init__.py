"""Reading the user's mailbox: messages from files, what each one means, which
application it is about, and the proposals it makes for the tracker. Imports the rooms
below it (model, interviews, reading).
"""
