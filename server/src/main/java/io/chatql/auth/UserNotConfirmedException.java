package io.chatql.auth;

/** The right password of an account whose e-mail address is not confirmed yet: 403. */
class UserNotConfirmedException extends RuntimeException {

    UserNotConfirmedException() {
        super("the e-mail address of this account is not confirmed yet; enter the code sent to it, "
                + "or ask for a new one");
    }
}
