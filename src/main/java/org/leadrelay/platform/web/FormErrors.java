package org.leadrelay.platform.web;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;

import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;

/**
 * Puts a domain refusal next to the form field it is about: the domain names fields as
 * the API does ({@code details/dealValue}), each form knows its own name for them. A
 * refusal no field fits goes above the form, in the reader's words: the message
 * {@code domain.refused.<target>} (the domain's own text is English), else the general
 * {@code domain.refused}.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * @param fieldOf the form field for a domain target, or null when none fits (the
	 * error then goes above the form)
	 */
	public static void reject(BindingResult binding, DomainException ex, Function<String, @Nullable String> fieldOf) {
		String field = ex.target() == null ? null : fieldOf.apply(ex.target());
		Object[] arguments = { ex.getMessage() };
		if (field == null) {
			String[] codes = ex.target() == null ? new String[] { "domain.refused" }
					: new String[] { "domain.refused." + ex.target(), "domain.refused" };
			binding.addError(new ObjectError(binding.getObjectName(), codes, arguments, ex.getMessage()));
		}
		else {
			binding.rejectValue(field, "domain.rejected", arguments, ex.getMessage());
		}
	}

}
