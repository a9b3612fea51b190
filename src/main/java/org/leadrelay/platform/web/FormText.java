package org.leadrelay.platform.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.leadrelay.shared.Text;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Values that the pages bind (form fields, parameters) within what the domain and the
 * database take, before anything else sees them: text without control characters, dates
 * (ISO, as {@code <input type="date">} sends them) in the years 1 to 9999, amounts in the
 * user's language ({@link AmountEditor}). Anything else is a binding error at its field
 * ({@code typeMismatch.java.lang.String}, {@code typeMismatch.java.time.LocalDate}),
 * shown with the form and the rest of the input; a parameter with one is refused like any
 * other malformed parameter. Parameters no form has are ignored, whatever their name.
 */
@ControllerAdvice(annotations = Controller.class)
class FormText {

	@InitBinder
	void refuseOutOfRange(WebDataBinder binder) {
		// A parameter that names a path into a field ("page.x") is none of the form's and
		// is ignored: growing the path would fail on the field's type. Set before the
		// editors, which initialize the binder.
		binder.setAutoGrowNestedPaths(false);
		binder.setIgnoreInvalidFields(true);
		// No form has indexed fields; an index too large for an int would fail the
		// binding.
		binder.setDisallowedFields("*[*");
		binder.registerCustomEditor(String.class, new TextEditor());
		binder.registerCustomEditor(LocalDate.class, new DateEditor());
		binder.registerCustomEditor(BigDecimal.class, new AmountEditor());
	}

	private static final class TextEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (Text.controlCharacterAt(text) >= 0) {
				throw new IllegalArgumentException("Text with a control character");
			}
			setValue(text);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}

	}

	private static final class DateEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (text.isBlank()) {
				setValue(null);
				return;
			}
			LocalDate date;
			try {
				date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(ex.getMessage(), ex);
			}
			if (date.getYear() < 1 || date.getYear() > 9999) {
				throw new IllegalArgumentException("Year " + date.getYear() + " is out of range");
			}
			setValue(date);
		}

		@Override
		public String getAsText() {
			return getValue() instanceof LocalDate date ? date.toString() : "";
		}

	}

}
