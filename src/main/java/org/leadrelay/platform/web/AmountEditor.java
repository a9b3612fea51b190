package org.leadrelay.platform.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Amounts in forms: shown plainly ({@code 12500000}, not {@code 12500000.00}, which a
 * number field would show as typed), and read as the user writes them in their language
 * ({@code 12 500 000,50}) or as a number field sends them ({@code 12500000.5}). Anything
 * else is a {@code typeMismatch} at its field.
 */
final class AmountEditor extends PropertyEditorSupport {

	@Override
	public void setAsText(String text) {
		setValue(text.isBlank() ? null : LocaleFormats.parseAmount(text, LocaleContextHolder.getLocale()));
	}

	@Override
	public String getAsText() {
		return getValue() instanceof BigDecimal amount ? LocaleFormats.plainAmount(amount) : "";
	}

}
