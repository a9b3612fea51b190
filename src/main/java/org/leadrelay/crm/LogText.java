package org.leadrelay.crm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A sentence LeadRelay writes into the sync log, kept as a message key and its arguments
 * so that it is rendered in the reader's language when shown. An argument is a text as it
 * is (a CRM's error, a record id) or another {@code LogText} (a word to translate too).
 */
record LogText(String key, List<Object> args) {

	private static final int LONGEST_ARGUMENT = 1000;

	LogText {
		args = args.stream().map(LogText::checked).toList();
	}

	static LogText of(String key, Object... args) {
		return new LogText(key, List.of(args));
	}

	/**
	 * A message of the bundles that another module made (a refusal of the referral
	 * lifecycle), its arguments too when they are messages.
	 */
	static LogText of(MessageSourceResolvable message) {
		String[] codes = message.getCodes();
		if (codes == null || codes.length == 0) {
			return of("crm.log.pushFailed", String.valueOf(message.getDefaultMessage()));
		}
		Object[] args = message.getArguments() == null ? new Object[0] : message.getArguments();
		return new LogText(codes[0],
				Arrays.stream(args)
					.<Object>map(
							arg -> arg instanceof MessageSourceResolvable nested ? of(nested) : String.valueOf(arg))
					.toList());
	}

	/**
	 * The texts one after another, as the language lists them ({@code crm.log.list}: "a,
	 * b" in English).
	 */
	static LogText list(List<LogText> texts) {
		return join("crm.log.list", texts);
	}

	/**
	 * Several things done, one after another ({@code crm.log.steps}: "a; b" in English).
	 */
	static LogText steps(List<LogText> texts) {
		return join("crm.log.steps", texts);
	}

	private static LogText join(String key, List<LogText> texts) {
		LogText joined = texts.get(0);
		for (LogText next : texts.subList(1, texts.size())) {
			joined = LogText.of(key, joined, next);
		}
		return joined;
	}

	/** What to keep in the {@code message_args} column. */
	List<Object> stored() {
		return this.args.stream().map(arg -> arg instanceof LogText text ? text.storedAsArgument() : arg).toList();
	}

	private Map<String, Object> storedAsArgument() {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("key", this.key);
		stored.put("args", stored());
		return stored;
	}

	/** Reads what {@link #stored()} kept. */
	static LogText read(String key, List<?> stored) {
		List<Object> args = new ArrayList<>();
		for (Object arg : stored) {
			if (arg instanceof Map<?, ?> nested && nested.get("key") instanceof String nestedKey) {
				args.add(read(nestedKey, nested.get("args") instanceof List<?> list ? list : List.of()));
			}
			else {
				args.add(String.valueOf(arg));
			}
		}
		return new LogText(key, args);
	}

	MessageSourceResolvable resolvable(String fallback) {
		Object[] resolved = this.args.stream()
			.map(arg -> arg instanceof LogText text ? text.resolvable(text.key) : arg)
			.toArray();
		return new DefaultMessageSourceResolvable(new String[] { this.key }, resolved, fallback);
	}

	private static Object checked(Object arg) {
		if (arg instanceof LogText) {
			return arg;
		}
		String text = String.valueOf(arg);
		return text.length() > LONGEST_ARGUMENT ? text.substring(0, LONGEST_ARGUMENT - 1) + "…" : text;
	}

}
