-- GET /api/calls?requesterOf=<ticket id> (the helpdesk app's sidebar) reads a requester's calls by their number:
-- the caller of an inbound call, the callee of an outbound one.
create index call_log_from_number on call_log (from_number);
create index call_log_to_number on call_log (to_number);
