-- What the helpdesk app's sidebar shows of a linked issue besides its state: who it is assigned to (GitHub login,
-- Jira display name) and Jira's status category (new, indeterminate, done: "in progress" is indeterminate). Null
-- until the issue is read again or a webhook about it arrives.
alter table tracked_issue add column assignee varchar(255);
alter table tracked_issue add column status_category varchar(32);
