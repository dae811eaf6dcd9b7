package dev.sluice.queue.adapter.memory;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.PublisherContract;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

class InMemoryPublisherTest extends PublisherContract {
  private final InMemoryObjectStore store = new InMemoryObjectStore();

  /** The model writes every artifact in one step, so the multipart settings do not apply. */
  @Override
  protected Publisher newPublisher(long multipartThreshold, long partSize) {
    return store;
  }

  @Override
  protected String bucket() {
    return "memory-outputs";
  }

  @Override
  protected InputStream readBack(ObjectRef ref) throws NoSuchFileException {
    return new ByteArrayInputStream(store.bytes(ref).orElseThrow(() -> new NoSuchFileException(ref.toUri())));
  }
}
