package io.chatql.auth;

import io.chatql.system.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** The right password of an account whose e-mail address is not confirmed yet: 403. */
class UserNotConfirmedException extends RequestRefusedException {

    UserNotConfirmedException() {
        super(
                HttpStatus.FORBIDDEN,
                "user_not_confirmed",
                "the e-mail address of this account is not confirmed yet; enter the code sent to it, "
                        + "or ask for a new one");
    }
}
