package org.truce.record;

import java.util.Base64;

/** PEM text (RFC 7468) for the key files: base64 in 64-character lines between BEGIN and END. */
final class Pem {

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of the one block with this label; text around the block is ignored, as RFC 7468 allows. */
    static byte[] decode(String label, String text) throws RecordFormatException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        if (from < 0) {
            throw new RecordFormatException(0, "no '" + begin + "' line");
        }
        int to = text.indexOf(end, from);
        if (to < 0) {
            throw new RecordFormatException(0, "no '" + end + "' line after '" + begin + "'");
        }
        String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(0, "the " + label + " block is not base64");
        }
    }
}
