package dev.sluice.queue.adapter.memory;

import dev.sluice.queue.port.JobQueueContract;
import java.time.Duration;

class InMemoryJobQueueTest extends JobQueueContract {
  private ManualTime time;

  @Override
  protected void newQueues(String name, int maxReceiveCount) {
    time = new ManualTime();
    InMemoryJobQueue memory = new InMemoryJobQueue(time, time);
    dlq = memory.create(name + "-dlq");
    main = memory.create(name, dlq, maxReceiveCount);
    queue = memory;
  }

  @Override
  protected void pass(Duration d) {
    time.advance(d);
  }
}
