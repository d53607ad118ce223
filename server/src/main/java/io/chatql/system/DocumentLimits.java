package io.chatql.system;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.ParserOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * Bounds what a document may ask of the parser and of validation, which would otherwise recurse
 * through whatever a client sends. The parser stops at {@value #MAX_CHARACTERS} characters,
 * {@value #MAX_TOKENS} tokens or {@value #MAX_RULE_DEPTH} levels of grammar; a parsed document is
 * then refused, without recursion, when its fragments spread each other in a cycle, more than
 * {@value #MAX_FRAGMENT_DEPTH} deep, or into more than {@value #MAX_EXPANDED_FIELDS} fields.
 */
final class DocumentLimits {

    static final int MAX_CHARACTERS = 100_000;

    static final int MAX_TOKENS = 15_000;

    static final int MAX_WHITESPACE_TOKENS = 100_000;

    static final int MAX_RULE_DEPTH = 200;

    static final int MAX_FRAGMENT_DEPTH = 16;

    static final int MAX_EXPANDED_FIELDS = 10_000;

    static final ParserOptions PARSER_OPTIONS = ParserOptions.getDefaultOperationParserOptions()
            .transform(options -> options.maxCharacters(MAX_CHARACTERS)
                    .maxTokens(MAX_TOKENS)
                    .maxWhitespaceTokens(MAX_WHITESPACE_TOKENS)
                    .maxRuleDepth(MAX_RULE_DEPTH));

    private DocumentLimits() {}

    /** A BAD_REQUEST error for {@code reason}, as a refused document gets. */
    static GraphQLError refusal(String reason) {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(reason)
                .build();
    }

    /** The operations of a parsed {@code document}, with their fragments expanded once. */
    static Operations operations(Document document) {
        Map<String, Selections> fragments = new HashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.putIfAbsent(fragment.getName(), Selections.of(fragment.getSelectionSet()));
        }
        Map<String, Expansion> expansions = new HashMap<>();
        for (String name : fragments.keySet()) {
            String refusal = expand(name, fragments, expansions);
            if (refusal != null) {
                return new Operations(refusal, List.of());
            }
        }
        return new Operations(
                null,
                document.getDefinitionsOfType(OperationDefinition.class).stream()
                        .map(operation ->
                                Selections.of(operation.getSelectionSet()).expand(expansions))
                        .toList());
    }

    /** The operations of a document, each with its fragments expanded, or why they cannot be. */
    static final class Operations {

        private final @Nullable String unexpandable;

        private final List<Expansion> expansions;

        private Operations(@Nullable String unexpandable, List<Expansion> expansions) {
            this.unexpandable = unexpandable;
            this.expansions = expansions;
        }

        /** Why the document's fragments are refused, or null when they are within the limits. */
        @Nullable
        String refusal() {
            if (unexpandable != null) {
                return unexpandable;
            }
            for (Expansion expansion : expansions) {
                if (expansion.depth() > MAX_FRAGMENT_DEPTH) {
                    return "fragments are nested more than " + MAX_FRAGMENT_DEPTH + " deep";
                }
                if (expansion.fields() > MAX_EXPANDED_FIELDS) {
                    return "fragments expand to more than " + MAX_EXPANDED_FIELDS + " fields";
                }
            }
            return null;
        }

        /**
         * Whether every operation, in a document within the limits above, stays within half of {@code
         * maxDepth} levels of fields and half of {@code maxFields} fields, counting every field as if
         * no {@code @skip} or {@code @include} left it out: then no variables can take an execution of
         * it beyond the query limits, and they need not be checked again.
         */
        boolean wellWithin(int maxDepth, int maxFields) {
            return refusal() == null
                    && expansions.stream()
                            .allMatch(expansion ->
                                    expansion.fieldDepth() <= maxDepth / 2 && expansion.fields() <= maxFields / 2);
        }
    }

    /**
     * Expands fragment {@code root} and every fragment it spreads, depth first with a stack of its
     * own, into {@code expansions}; the reason for refusing them, or null.
     */
    private static @Nullable String expand(
            String root, Map<String, Selections> fragments, Map<String, Expansion> expansions) {
        Deque<String> path = new ArrayDeque<>();
        path.push(root);
        while (!path.isEmpty()) {
            String name = path.peek();
            if (expansions.containsKey(name)) {
                path.pop();
                continue;
            }
            String unexpanded = null;
            for (Spread next : fragments.get(name).spreads()) {
                String spread = next.name();
                if (fragments.containsKey(spread) && !expansions.containsKey(spread)) {
                    if (path.contains(spread)) {
                        return "fragment " + spread + " spreads itself";
                    }
                    unexpanded = spread;
                    break;
                }
            }
            if (unexpanded != null) {
                path.push(unexpanded);
                continue;
            }
            Expansion expansion = fragments.get(name).expand(expansions);
            if (expansion.depth() > MAX_FRAGMENT_DEPTH) {
                return "fragments are nested more than " + MAX_FRAGMENT_DEPTH + " deep";
            }
            if (expansion.fields() > MAX_EXPANDED_FIELDS) {
                return "fragments expand to more than " + MAX_EXPANDED_FIELDS + " fields";
            }
            expansions.put(name, expansion);
            path.pop();
        }
        return null;
    }

    /**
     * The fields a selection set holds itself, at any level, how many levels deep they go, and the
     * fragments it spreads, each with the number of fields around it.
     */
    private record Selections(int fields, int fieldDepth, List<Spread> spreads) {

        static Selections of(SelectionSet root) {
            int fields = 0;
            int fieldDepth = 0;
            List<Spread> spreads = new ArrayList<>();
            Deque<Level> sets = new ArrayDeque<>();
            sets.push(new Level(root, 0));
            while (!sets.isEmpty()) {
                Level level = sets.pop();
                for (Selection<?> selection : level.selections().getSelections()) {
                    if (selection instanceof Field field) {
                        fields++;
                        fieldDepth = Math.max(fieldDepth, level.depth() + 1);
                        if (field.getSelectionSet() != null) {
                            sets.push(new Level(field.getSelectionSet(), level.depth() + 1));
                        }
                    } else if (selection instanceof InlineFragment inline) {
                        sets.push(new Level(inline.getSelectionSet(), level.depth()));
                    } else if (selection instanceof FragmentSpread spread) {
                        spreads.add(new Spread(spread.getName(), level.depth()));
                    }
                }
            }
            return new Selections(fields, fieldDepth, spreads);
        }

        /** These selections with each spread replaced by its fragment's expansion, known ones only. */
        Expansion expand(Map<String, Expansion> expansions) {
            int depth = 0;
            int deepestField = fieldDepth;
            long expanded = fields;
            for (Spread spread : spreads) {
                Expansion fragment = expansions.get(spread.name());
                if (fragment != null) {
                    depth = Math.max(depth, fragment.depth() + 1);
                    deepestField = Math.max(deepestField, spread.fieldDepth() + fragment.fieldDepth());
                    expanded = Math.min(expanded + fragment.fields(), Integer.MAX_VALUE);
                }
            }
            return new Expansion(depth, (int) expanded, deepestField);
        }
    }

    private record Level(SelectionSet selections, int depth) {}

    private record Spread(String name, int fieldDepth) {}

    /**
     * How deep fragments nest below a selection set, how many fields it holds once expanded, and how
     * many levels deep they go.
     */
    private record Expansion(int depth, int fields, int fieldDepth) {}
}
