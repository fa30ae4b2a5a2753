-- Axon Framework's JDBC stores (no Axon Server): payloads are bytea, never large objects.
-- Unquoted names: Axon's default JDBC schema queries them unquoted, so PostgreSQL folds both to lower case.
create table DomainEventEntry (
    globalIndex         bigserial    not null,
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255),
    eventIdentifier     varchar(255) not null,
    metaData            bytea,
    payload             bytea        not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    primary key (globalIndex),
    -- The arbiter of concurrent changes to one order: two writers cannot both append sequence N.
    unique (aggregateIdentifier, sequenceNumber),
    unique (eventIdentifier)
);

create table SnapshotEventEntry (
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255) not null,
    eventIdentifier     varchar(255) not null,
    metaData            bytea,
    payload             bytea        not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    primary key (aggregateIdentifier, sequenceNumber),
    unique (eventIdentifier)
);

create table TokenEntry (
    processorName varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokenType     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorName, segment)
);

create table SagaEntry (
    sagaId         varchar(255) not null,
    revision       varchar(255),
    sagaType       varchar(255),
    serializedSaga bytea,
    primary key (sagaId)
);

create table AssociationValueEntry (
    id               bigserial not null,
    associationKey   varchar(255),
    associationValue varchar(255),
    sagaId           varchar(255),
    sagaType         varchar(255),
    primary key (id)
);
create index association_lookup_idx on AssociationValueEntry (sagaType, associationKey, associationValue);
create index association_saga_idx on AssociationValueEntry (sagaId, sagaType);
