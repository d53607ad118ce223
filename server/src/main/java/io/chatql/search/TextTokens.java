package io.chatql.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** The words of a text as an analyzer reads them: lower-cased, each with where it stands in the text. */
final class TextTokens {

    /** A word, and the UTF-16 offsets of its first character and of the one after its last. */
    record Token(String text, int start, int end) {}

    private TextTokens() {}

    static List<Token> of(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LuceneMessageIndex.CONTENT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException ex) {
            throw new UncheckedIOException("text in memory cannot fail to be read", ex);
        }
        return tokens;
    }
}
