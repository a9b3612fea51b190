package org.leadrelay.platform.web;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.CompanySize;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a size from a form field, a query parameter or a CSV cell as the API spells it
 * ({@code 10to50employees}), the older bands included; an unknown code is a type mismatch
 * of that field. Spring Boot adds converter beans to the web conversion service.
 */
@Component
class CompanySizeConverter implements Converter<String, CompanySize> {

	@Override
	public @Nullable CompanySize convert(String source) {
		String code = source.strip();
		if (code.isEmpty()) {
			return null;
		}
		return CompanySize.fromCode(code)
			.orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not a company size"));
	}

}
