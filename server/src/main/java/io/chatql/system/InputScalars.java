package io.chatql.system;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Replaces graphql-java's {@code ID} scalar by one that takes, as the GraphQL spec says, only a string
 * or an integer from variables: graphql-java's turns any JSON value into the string of its Java object,
 * so that {@code {"a":1}} became the id {@code {a=1}}. Anything else is a ValidationError of the
 * variable, and nothing runs.
 */
@Configuration(proxyBeanMethods = false)
class InputScalars {

    /** The strict wiring refuses to replace a scalar, and is strict again for what comes after. */
    @Bean
    RuntimeWiringConfigurer inputScalarsWiring() {
        return wiring -> wiring.strictMode(false).scalar(id()).strictMode(true);
    }

    static GraphQLScalarType id() {
        Coercing<?, ?> builtIn = Scalars.GraphQLID.getCoercing();
        return Scalars.GraphQLID.transform(scalar -> scalar.coercing(new Coercing<Object, Object>() {
            @Override
            public @Nullable Object serialize(Object result, GraphQLContext context, Locale locale) {
                return builtIn.serialize(result, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String
                        || input instanceof Integer
                        || input instanceof Long
                        || input instanceof BigInteger) {
                    return input.toString();
                }
                throw new CoercingParseValueException("an ID must be a string or an integer");
            }

            @Override
            public @Nullable Object parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                return builtIn.parseLiteral(input, variables, context, locale);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return builtIn.valueToLiteral(input, context, locale);
            }
        }));
    }
}
