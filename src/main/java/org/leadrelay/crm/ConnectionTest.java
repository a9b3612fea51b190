package org.leadrelay.crm;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a test of a connection found, step by step: signing in, reading accounts, reading
 * opportunities with the mapped fields. The first failed step says exactly what the CRM
 * answered; the steps after it are not tried.
 */
public record ConnectionTest(List<Step> steps) {

	public ConnectionTest {
		steps = List.copyOf(steps);
	}

	public boolean passed() {
		return this.steps.stream().allMatch(Step::passed);
	}

	/**
	 * @param name {@code signIn}, {@code accounts} or {@code opportunities}
	 * @param detail what was checked, or what failed, in English (what the CRM answered
	 * stays as it answered)
	 * @param detailKey the message key of what LeadRelay checked, rendered in the
	 * reader's language; null for a failure the CRM described
	 * @param detailArgs the key's arguments
	 */
	public record Step(String name, boolean passed, String detail, @Nullable String detailKey,
			List<String> detailArgs) {

		public Step {
			detailArgs = List.copyOf(detailArgs);
		}

		public Step(String name, boolean passed, String detail) {
			this(name, passed, detail, null, List.of());
		}

		public Step(String name, Proof proof) {
			this(name, true, proof.english(), proof.key(), proof.args());
		}

		/** The detail in the reader's language, or as written when it has no key. */
		public MessageSourceResolvable text() {
			return new DefaultMessageSourceResolvable(this.detailKey == null ? null : new String[] { this.detailKey },
					this.detailArgs.toArray(), this.detail);
		}

	}

	/**
	 * What a step proved: its message key and arguments, and the same in English.
	 */
	public record Proof(String english, String key, List<String> args) {

		public Proof {
			args = List.copyOf(args);
		}

		public static Proof of(String english, String key, String... args) {
			return new Proof(english, key, List.of(args));
		}

	}

}
