-- Where in the SMTP dialogue the receiver refused (CONNECT, HELO, MAIL, RCPT, DATA, UNKNOWN), the host that
-- refused, and the classifier's explanation when the stage overruled the codes. Rows stored before have none.
alter table bounce_event
    add column stage         varchar(10),
    add column remote_mta    varchar(255),
    add column reason_detail text;
