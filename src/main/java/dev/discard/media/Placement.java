package dev.discard.media;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Moves a finished download into place without ever replacing a file that is there. */
public final class Placement {
    private Placement() {}

    /**
     * Gives {@code temp} the name {@code target} and removes the temporary name. A hard link is created first because
     * creating a link fails atomically when the target exists, where a rename would replace it; file systems without
     * hard links get a plain move, which also refuses an existing target.
     *
     * @return false when {@code target} existed; {@code temp} is deleted either way
     */
    public static boolean moveNoReplace(Path temp, Path target) throws IOException {
        try {
            try {
                Files.createLink(target, temp);
            } catch (UnsupportedOperationException | SecurityException e) {
                Files.move(temp, target);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                if (Files.exists(target)) return false;
                Files.move(temp, target);
                return true;
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
