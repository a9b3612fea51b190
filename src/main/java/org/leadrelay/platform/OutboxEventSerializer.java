package org.leadrelay.platform;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

/**
 * Stores events in the outbox as JSON. Replaces Modulith's default serializer, which
 * looks the JSON mapper up in the application context for every event and listener:
 * measurable when the expiry sweep publishes thousands of events a second. Events stored
 * by an older version may have fields the current one dropped; they are ignored, not
 * fatal.
 */
@Component
class OutboxEventSerializer implements EventSerializer {

	private final JsonMapper mapper;

	OutboxEventSerializer(JsonMapper mapper) {
		this.mapper = mapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	@Override
	public Object serialize(Object event) {
		return this.mapper.writeValueAsString(event);
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		return this.mapper.readValue(serialized.toString(), type);
	}

}
