-- A voicemail the caller left (TwiML <Record>) and its transcription, each noted on the ticket once.
alter table call_log add column voicemail_url varchar(1000);
alter table call_log add column voicemail_seconds integer;
alter table call_log add column transcription varchar(8200);
alter table call_log add column voicemail_noted boolean not null default false;
alter table call_log add column transcription_noted boolean not null default false;
