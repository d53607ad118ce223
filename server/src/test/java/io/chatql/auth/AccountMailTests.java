package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.chatql.system.BlockingWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSender;

@ExtendWith(OutputCaptureExtension.class)
class AccountMailTests {

    private static final String WARNING = "No mail server is configured";

    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();

    @Test
    void warnsOnceWithoutAMailServer(CapturedOutput output) {
        AccountMail mail = create();

        assertThat(mail.enabled()).isFalse();
        assertThat(output.getAll()).containsOnlyOnce(WARNING);
    }

    @Test
    void saysNothingWithAMailServer(CapturedOutput output) {
        beans.addBean("mailSender", mock(MailSender.class));

        AccountMail mail = create();

        assertThat(mail.enabled()).isTrue();
        assertThat(output.getAll()).doesNotContain(WARNING);
    }

    private AccountMail create() {
        return new AccountMail(
                beans.getBeanProvider(MailSender.class),
                new AuthMailProperties("chatql@example.com"),
                mock(BlockingWork.class));
    }
}
