package io.chatql.reaction;

import com.ibm.icu.text.UnicodeSet;
import io.chatql.system.InvalidInputException;

/**
 * The rule for a reaction: one emoji, as Unicode recommends them for general interchange (RGI): a
 * single pictograph, a flag, a keycap, a skin tone or a family joined into one. An emoji sent without
 * its emoji presentation selector ("❤" for "❤️") is taken in its fully qualified form, so that both
 * count as one reaction.
 */
final class Emoji {

    /** The longest emoji taken, in UTF-16 units; the longest RGI sequences are shorter. */
    static final int MAX_LENGTH = 64;

    private static final String PRESENTATION_SELECTOR = "\uFE0F";

    private static final UnicodeSet RECOMMENDED = new UnicodeSet("[:RGI_Emoji:]").freeze();

    private Emoji() {}

    /** The emoji in its fully qualified form, or an {@link InvalidInputException}. */
    static String requireOne(String emoji) {
        if (emoji.length() <= MAX_LENGTH) {
            if (RECOMMENDED.contains(emoji)) {
                return emoji;
            }
            if (RECOMMENDED.contains(emoji + PRESENTATION_SELECTOR)) {
                return emoji + PRESENTATION_SELECTOR;
            }
        }
        throw new InvalidInputException("emoji must be one emoji");
    }
}
