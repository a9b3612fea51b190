package org.leadrelay.partner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

/**
 * A profile's logo: a PNG, JPEG or GIF image of at most {@value #MAX_WIDTH} px width and
 * 1 MB. Judged by the file's content, never its name or the type the browser claims: the
 * first bytes must be those of one of the formats, and the whole image must decode.
 */
public final class Logo {

	public static final int MAX_BYTES = 1024 * 1024;

	public static final int MAX_WIDTH = 300;

	/**
	 * Not a rule of the marketplace, a guard: a tiny file may claim enormous dimensions
	 * to exhaust memory when decoded.
	 */
	static final int MAX_HEIGHT = 1000;

	private final Format format;

	private final byte[] image;

	private Logo(Format format, byte[] image) {
		this.format = format;
		this.image = image;
	}

	/** Checks an uploaded file; a refused one is a {@link Rejected} naming why. */
	public static Logo read(byte[] bytes) {
		if (bytes.length == 0) {
			throw new Rejected(Reason.EMPTY, "The logo file is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new Rejected(Reason.TOO_LARGE, "The logo must be at most 1 MB");
		}
		Format format = Format.of(bytes)
			.orElseThrow(() -> new Rejected(Reason.NOT_AN_IMAGE,
					"The logo must be a PNG, JPEG or GIF image; this file is none of them, whatever its name says"));
		decode(format, bytes);
		return new Logo(format, bytes.clone());
	}

	/** A logo as stored, checked when it was uploaded. */
	static Logo stored(String contentType, byte[] image) {
		Format format = Arrays.stream(Format.values())
			.filter(candidate -> candidate.contentType.equals(contentType))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Stored logo of unknown type " + contentType));
		return new Logo(format, image);
	}

	public String contentType() {
		return this.format.contentType;
	}

	public byte[] image() {
		return this.image.clone();
	}

	private static void decode(Format format, byte[] bytes) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No image reader for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width > MAX_WIDTH) {
				throw new Rejected(Reason.TOO_WIDE,
						"The logo must be at most " + MAX_WIDTH + " px wide (this one is " + width + " px)");
			}
			if (height > MAX_HEIGHT) {
				throw new Rejected(Reason.TOO_HIGH,
						"The logo must be at most " + MAX_HEIGHT + " px high (this one is " + height + " px)");
			}
			reader.read(0);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Rejected rejected) {
				throw rejected;
			}
			throw new Rejected(Reason.DAMAGED,
					"The logo looks like a " + format + " image but cannot be read: the file is damaged or incomplete");
		}
		finally {
			reader.dispose();
		}
	}

	/** Why a file is no logo. */
	public enum Reason {

		EMPTY, TOO_LARGE, NOT_AN_IMAGE, TOO_WIDE, TOO_HIGH, DAMAGED

	}

	/** A file refused as a logo: an invalid request about the field {@code logo}. */
	public static final class Rejected extends DomainException {

		private final Reason reason;

		Rejected(Reason reason, String message) {
			super(ErrorCode.INVALID_REQUEST, message, "logo");
			this.reason = reason;
		}

		public Reason reason() {
			return this.reason;
		}

	}

	/** The accepted formats and the bytes their files start with. */
	enum Format {

		PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }),
		JPEG("image/jpeg", new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }),
		GIF("image/gif", new byte[] { 'G', 'I', 'F', '8' });

		private final String contentType;

		private final byte[] signature;

		Format(String contentType, byte[] signature) {
			this.contentType = contentType;
			this.signature = signature;
		}

		static Optional<Format> of(byte[] bytes) {
			return Arrays.stream(values())
				.filter(format -> bytes.length >= format.signature.length && Arrays.equals(bytes, 0,
						format.signature.length, format.signature, 0, format.signature.length))
				.findFirst();
		}

	}

}
