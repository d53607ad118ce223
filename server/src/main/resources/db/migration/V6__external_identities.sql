-- Users of trusted external issuers (such as Amazon Cognito or Keycloak), made on their first
-- request: which user each issuer's subject is.
create table external_identity (
    issuer  varchar(512) not null,
    subject varchar(255) not null,
    user_id varchar(128) not null references chat_user (id),
    primary key (issuer, subject)
);
