package io.chatql.message;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operation selects under the field being fetched, read from its document, fragments
 * included. graphql-java's own selection set of a field builds the normalized operation first, which
 * cost a page of history a tenth of its time.
 */
final class Selections {

    private Selections() {}

    /**
     * Whether the operation selects any of {@code names} on the objects that {@code path}, a chain of
     * sub-fields of the field being fetched (none for the field itself), leads to.
     */
    static boolean selectsAny(DataFetchingEnvironment environment, List<String> path, Set<String> names) {
        Map<String, FragmentDefinition> fragments = environment.getFragmentsByName();
        List<Field> level = environment.getMergedField().getFields();
        for (String step : path) {
            List<Field> next = new ArrayList<>();
            for (Field field : level) {
                collect(field.getSelectionSet(), fragments, next);
            }
            level = next.stream().filter(field -> field.getName().equals(step)).toList();
        }
        List<Field> selected = new ArrayList<>();
        for (Field field : level) {
            collect(field.getSelectionSet(), fragments, selected);
        }
        return selected.stream().anyMatch(field -> names.contains(field.getName()));
    }

    /** The fields of a selection set, those of its fragments included. */
    private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments, List<Field> into) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                into.add(field);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, into);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into);
            }
        }
    }
}
