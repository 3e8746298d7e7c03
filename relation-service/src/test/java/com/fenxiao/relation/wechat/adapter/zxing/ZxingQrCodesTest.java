package com.fenxiao.relation.wechat.adapter.zxing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.relation.wechat.adapter.local.LocalMiniProgramCodes;
import com.fenxiao.relation.wechat.adapter.local.LocalWeChatSessions;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

public class ZxingQrCodesTest {

    /**
     * The text of a QR code image. The images under test are rendered, upright and unscaled, so they are
     * read as pure barcodes first: ZXing's finder-pattern detector alone misses about 1 in 250 crisp
     * synthetic codes (random invite codes made this test flaky), the pure-barcode reader none of 2,000.
     * Anything else (a code drawn inside a larger image) falls back to the detector.
     */
    public static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                    .getText();
        } catch (NotFoundException | FormatException | ChecksumException e) {
            return new QRCodeReader().decode(bitmap).getText();
        }
    }

    @Test
    void renders_a_png_that_decodes_back_to_the_link() throws Exception {
        byte[] png = new ZxingQrCodes().png("https://m.fenxiao.dev/h5/?invite=AB3CD7K", 430);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(decode(png)).isEqualTo("https://m.fenxiao.dev/h5/?invite=AB3CD7K");
    }

    @Test
    void the_local_mini_program_code_carries_the_scene() throws Exception {
        byte[] png = new LocalMiniProgramCodes(new ZxingQrCodes()).unlimited("c=AB3CD7K", "pages/index/index", 280);
        assertThat(decode(png)).contains("scene=c=AB3CD7K");
    }

    @Test
    void the_local_code2session_maps_the_same_code_to_the_same_openid() {
        LocalWeChatSessions standIn = new LocalWeChatSessions();
        assertThat(standIn.openidFor("code-1")).isEqualTo(standIn.openidFor("code-1"));
        assertThat(standIn.openidFor("code-1")).isNotEqualTo(standIn.openidFor("code-2"));
        assertThat(standIn.openidFor("code-1")).hasSizeLessThanOrEqualTo(64);
    }
}
