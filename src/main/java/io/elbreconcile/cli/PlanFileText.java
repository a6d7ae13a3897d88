package io.elbreconcile.cli;

import io.elbreconcile.diag.UserFacingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of a saved plan file, or one line saying why it cannot be one. */
final class PlanFileText {

    private PlanFileText() {
    }

    static String read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserFacingException(file + " is a directory; a plan file saved by 'plan --out FILE' is needed");
        }
        // Checked before opening: reading a FIFO would wait for a writer for ever.
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UserFacingException(file + ": not a regular file; a plan file saved by 'plan --out FILE' is needed");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserFacingException(file + " does not exist; save a plan with 'plan PATH --out " + file + "'");
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserFacingException(file + ": not UTF-8 text; is this a binary file? (a plan saved by 'plan --out FILE'"
                    + " is JSON)");
        }
    }
}
