package io.chatql.auth;

import io.chatql.system.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** The right password of an account that an administrator disabled: 403. */
class AccountDisabledException extends RequestRefusedException {

    AccountDisabledException() {
        super(HttpStatus.FORBIDDEN, "account_disabled", "this account is disabled");
    }
}
