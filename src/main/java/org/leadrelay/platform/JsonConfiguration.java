package org.leadrelay.platform;

import org.leadrelay.shared.Text;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.module.blackbird.BlackbirdModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON types: a number where a string belongs (or the other way round) is a client
 * error to report, not a value to convert silently; a string with a control character (an
 * escaped NUL, say) is refused naming its field, whatever the field.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictScalarTypes() {
		return builder -> builder
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

	@Bean
	JsonMapperBuilderCustomizer textWithoutControlCharacters() {
		return builder -> builder
			.addModule(new SimpleModule("text").addDeserializer(String.class, new TextDeserializer()));
	}

	/**
	 * Properties read and written through lambdas generated once per property, not
	 * Jackson 3's method handles: a JFR profile of the list page had half its samples in
	 * JSON, a tenth in the handles' casts alone.
	 */
	@Bean
	JsonMapperBuilderCustomizer generatedPropertyAccess() {
		return builder -> builder.addModule(new BlackbirdModule());
	}

	private static final class TextDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			// the path is built only for the message: it costs more than the check
			if (value != null && Text.controlCharacterAt(value) >= 0) {
				String path = parser.streamReadContext().pathAsPointer().toString();
				Text.refuseControlCharacters(path.isEmpty() ? "body" : path.substring(1), value);
			}
			return value;
		}

	}

}
