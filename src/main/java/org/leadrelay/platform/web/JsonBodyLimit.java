package org.leadrelay.platform.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.leadrelay.platform.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON request body over {@code leadrelay.api.max-body-size} with {@code 413}
 * problem+json before anything parses it: by its declared length, or, for a body sent
 * without one (chunked), after reading one byte more than the limit. A body under the
 * limit is what the JSON parser reads; one over it is never read whole.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodyLimit {

	@Bean
	FilterRegistrationBean<Filter> jsonBodyLimitFilter(@Value("${leadrelay.api.max-body-size:1MB}") DataSize limit,
			JsonMapper json) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(limit.toBytes(), json));
		// Before security and everything else that could read the body.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final long limit;

		private final JsonMapper json;

		Filter(long limit, JsonMapper json) {
			this.limit = limit;
			this.json = json;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String contentType = request.getContentType();
			return contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			long declared = request.getContentLengthLong();
			if (declared > this.limit) {
				refuse(request, response);
				return;
			}
			if (declared >= 0) {
				// The container delivers no more than the declared length.
				chain.doFilter(request, response);
				return;
			}
			byte[] body = request.getInputStream().readNBytes(Math.toIntExact(this.limit + 1));
			if (body.length > this.limit) {
				refuse(request, response);
				return;
			}
			chain.doFilter(new ReadBody(request, body), response);
		}

		private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
			ProblemDetail problem = ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "payloadTooLarge",
					"The request body is larger than " + this.limit + " bytes", "body", request.getRequestURI());
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			// The rest of the body is not read: the connection is not reused for it.
			response.setHeader("Connection", "close");
			byte[] body = this.json.writeValueAsBytes(problem);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			// Sent now: the container reads (and discards) some of the rest before it
			// ends
			// the exchange, and a client may wait for the answer before it sends more.
			response.flushBuffer();
		}

	}

	/** A request whose body was read (up to the limit) into memory. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

	}

}
