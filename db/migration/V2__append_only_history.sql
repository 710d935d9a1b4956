-- The history is evidence for tickets: the database itself refuses to rewrite it.
create function refuse_history_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'the table % is append-only: history and evidence cannot be updated or deleted', tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger suppression_change_append_only
    before update or delete on suppression_change
    for each row execute function refuse_history_rewrite();

create trigger domain_change_append_only
    before update or delete on domain_change
    for each row execute function refuse_history_rewrite();

create trigger bounce_event_never_updated
    before update on bounce_event
    for each row execute function refuse_history_rewrite();

-- Raw bounce events may only be deleted by the retention job, which marks its own transaction; it keeps
-- the evidence of every active suppression.
create function refuse_bounce_delete_outside_retention() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('suppression.retention', true), '') <> 'on' then
        raise exception 'bounce events are evidence: only the retention job may delete them'
            using errcode = 'restrict_violation';
    end if;
    return old;
end;
$$;

create trigger bounce_event_deleted_only_by_retention
    before delete on bounce_event
    for each row execute function refuse_bounce_delete_outside_retention();
