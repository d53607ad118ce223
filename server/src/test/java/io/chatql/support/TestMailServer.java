package io.chatql.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free loopback port, shared by every test of the JVM: each test
 * mails addresses of its own, and reads only the mail sent to them.
 */
public final class TestMailServer {

    private static final GreenMail SERVER = start();

    private TestMailServer() {}

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** The texts of the mails sent to {@code address} so far, oldest first. */
    public static List<String> mailsTo(String address) {
        List<String> texts = new ArrayList<>();
        for (MimeMessage message : SERVER.getReceivedMessages()) {
            try {
                if (isTo(message, address)) {
                    texts.add(message.getSubject() + "\n" + message.getContent());
                }
            } catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return texts;
    }

    /** The senders of the mails sent to {@code address} so far, oldest first. */
    public static List<String> sendersTo(String address) {
        List<String> senders = new ArrayList<>();
        for (MimeMessage message : SERVER.getReceivedMessages()) {
            try {
                if (isTo(message, address)) {
                    Arrays.stream(message.getFrom()).map(Address::toString).forEach(senders::add);
                }
            } catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return senders;
    }

    /** The text of the {@code n}th mail (from 1) sent to {@code address}, once it has arrived. */
    public static String awaitMail(String address, int n) throws InterruptedException {
        long deadline = System.nanoTime() + ChatClient.TIMEOUT.toNanos();
        List<String> mails = mailsTo(address);
        while (mails.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
            mails = mailsTo(address);
        }
        if (mails.size() < n) {
            throw new AssertionError("Mail number " + n + " to " + address + " did not arrive");
        }
        return mails.get(n - 1);
    }

    private static boolean isTo(MimeMessage message, String address) throws MessagingException {
        Address[] recipients = message.getRecipients(Message.RecipientType.TO);
        return recipients != null
                && Arrays.stream(recipients)
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
