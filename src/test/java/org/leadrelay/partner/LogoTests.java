package org.leadrelay.partner;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadrelay.partner.Logo.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Logos are judged by their content: format, width, size, and whether they decode. */
class LogoTests {

	@ParameterizedTest
	@CsvSource({ "png, image/png", "jpeg, image/jpeg", "gif, image/gif" })
	void acceptsTheThreeFormatsUpTo300PixelsWide(String format, String contentType) {
		Logo logo = Logo.read(image(format, Logo.MAX_WIDTH, 120));

		assertThat(logo.contentType()).isEqualTo(contentType);
	}

	@Test
	void refusesATextFileWhateverItIsCalled() {
		byte[] text = "<svg onload=alert(1)>not an image</svg>".getBytes(StandardCharsets.UTF_8);

		assertRejected(text, Reason.NOT_AN_IMAGE);
	}

	@Test
	void refusesALogoWiderThan300Pixels() {
		assertRejected(image("png", Logo.MAX_WIDTH + 1, 50), Reason.TOO_WIDE);
	}

	@Test
	void refusesAFileOverOneMegabyte() {
		byte[] big = Arrays.copyOf(image("png", 10, 10), Logo.MAX_BYTES + 1);

		assertRejected(big, Reason.TOO_LARGE);
	}

	@Test
	void refusesAnImageThatLooksRightButDoesNotDecode() {
		byte[] png = image("png", 200, 100);

		assertRejected(Arrays.copyOf(png, 40), Reason.DAMAGED);
	}

	@Test
	void refusesAnEmptyFile() {
		assertRejected(new byte[0], Reason.EMPTY);
	}

	private static void assertRejected(byte[] bytes, Reason reason) {
		assertThatThrownBy(() -> Logo.read(bytes)).isInstanceOfSatisfying(Logo.Rejected.class, rejected -> {
			assertThat(rejected.reason()).isEqualTo(reason);
			assertThat(rejected.target()).isEqualTo("logo");
		});
	}

	static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0x1f5fbf);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

}
