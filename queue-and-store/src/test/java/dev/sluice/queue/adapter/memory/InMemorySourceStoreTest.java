package dev.sluice.queue.adapter.memory;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.port.SourceStore;
import dev.sluice.queue.port.SourceStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class InMemorySourceStoreTest extends SourceStoreContract {
  private final InMemoryObjectStore store = new InMemoryObjectStore();

  @Override
  protected SourceStore store() {
    return store;
  }

  @Override
  protected String bucket() {
    return "memory-sources";
  }

  /** The model keeps one checksum switch for the whole store; each test gets a fresh store. */
  @Override
  protected void seed(ObjectRef ref, Path file, Map<String, String> metadata, boolean withSha256)
      throws IOException {
    store.storeChecksums(withSha256);
    store.put(ref, Files.readAllBytes(file), metadata);
  }
}
