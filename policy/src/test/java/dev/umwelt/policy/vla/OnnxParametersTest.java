package dev.umwelt.policy.vla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The parameter count read from model.onnx's protobuf, against what PyTorch counted for the card. */
class OnnxParametersTest {
    @TempDir
    Path tmp;

    @Test
    void theTinyModelHasTheParametersItsCardStates() throws Exception {
        long n = OnnxParameters.count(TinyModel.dir().resolve(ModelDirectory.MODEL));
        assertEquals(113991, n);
        assertTrue(Files.readString(TinyModel.dir().resolve(ModelDirectory.CARD)).contains(n + " parameters"), "the card says " + n);
    }

    @Test
    void aFileThatIsNotAnOnnxProtobufIsRefusedNamingIt() throws Exception {
        Path f = Files.writeString(tmp.resolve("model.onnx"), "this is not a protobuf at all, just some text\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxParameters.count(f));
        assertTrue(e.getMessage().startsWith(f + " is not a readable ONNX protobuf"), e.getMessage());
    }
}
