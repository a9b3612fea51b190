package org.leadrelay.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A list in a request body whose elements may not be {@code null}: Jackson refuses
 * {@code [null]} while reading, so the client gets a 400 naming the element's path
 * instead of the code meeting a null it never expects. Not applied to every list of the
 * shared mapper, because stored JSON that it reads back may hold nulls on purpose.
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSetter(contentNulls = Nulls.FAIL)
public @interface NoNullElements {

}
