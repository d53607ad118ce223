package io.chatql.fuzz;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every operation of the server's schema, read from its {@code graphql/*.graphqls} files, so that a field
 * added there is fuzzed without a change here.
 */
final class SchemaOperations {

    private static final Map<String, String> ROOTS =
            Map.of("Query", "query", "Mutation", "mutation", "Subscription", "subscription");

    private final TypeDefinitionRegistry registry = new TypeDefinitionRegistry();

    private SchemaOperations() throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
    }

    static List<Operation> all() {
        try {
            return new SchemaOperations().operations();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        ROOTS.forEach((type, kind) -> fieldsOf(type)
                .forEach(field ->
                        operations.add(new Operation(kind, field.getName(), arguments(field), selection(field)))));
        return operations;
    }

    private Stream<FieldDefinition> fieldsOf(String typeName) {
        Stream<ObjectTypeDefinition> definitions = Stream.concat(
                registry.getType(typeName, ObjectTypeDefinition.class).stream(),
                registry.objectTypeExtensions().getOrDefault(typeName, List.of()).stream());
        return definitions.flatMap(definition -> definition.getFieldDefinitions().stream());
    }

    private List<Operation.Argument> arguments(FieldDefinition field) {
        return field.getInputValueDefinitions().stream()
                .map(argument -> new Operation.Argument(
                        argument.getName(),
                        AstPrinter.printAst(argument.getType()),
                        plausible(baseType(argument.getType()))))
                .toList();
    }

    /** Every field of the result that is a scalar or an enum and takes no arguments, or none for a scalar result. */
    private String selection(FieldDefinition field) {
        String result = baseType(field.getType());
        if (registry.getType(result, ObjectTypeDefinition.class).isEmpty()) {
            return "";
        }
        List<String> leaves = fieldsOf(result)
                .filter(leaf -> leaf.getInputValueDefinitions().isEmpty() && isLeaf(baseType(leaf.getType())))
                .map(FieldDefinition::getName)
                .toList();
        return "{ __typename " + String.join(" ", leaves) + " }";
    }

    private boolean isLeaf(String typeName) {
        return registry.getType(typeName, ObjectTypeDefinition.class).isEmpty();
    }

    /** A value the argument accepts, as JSON, or null for a string or an id, which the caller chooses. */
    private String plausible(String typeName) {
        return switch (typeName) {
            case "Int" -> "10";
            case "Float" -> "1.5";
            case "Boolean" -> "true";
            default ->
                registry.getType(typeName, EnumTypeDefinition.class)
                        .map(type -> Hostile.quote(
                                type.getEnumValueDefinitions().get(0).getName()))
                        .orElse(null);
        };
    }

    private static String baseType(Type<?> type) {
        return ((TypeName) TypeUtil.unwrapAll(type)).getName();
    }
}
