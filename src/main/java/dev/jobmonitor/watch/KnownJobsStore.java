package dev.jobmonitor.watch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs recorded for one account, kept in a small JSON file so the list survives a restart.
 * Thread-safe; listeners are called on the thread that changed the list.
 */
public final class KnownJobsStore {
    private static final Logger LOGGER = LoggerFactory.getLogger(KnownJobsStore.class);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;
    private final List<KnownJob> jobs = new ArrayList<>();
    /** Jobs this process removed, so a merge with the file does not bring them back. */
    private final Set<String> removed = new LinkedHashSet<>();
    private final List<Consumer<List<KnownJob>>> listeners = new CopyOnWriteArrayList<>();

    private KnownJobsStore(Path file) {
        this.file = file;
    }

    /** Opens the store at {@code file}, reading it when it exists. A damaged file is set aside. */
    public static KnownJobsStore open(Path file) {
        KnownJobsStore store = new KnownJobsStore(file);
        store.load();
        return store;
    }

    public Path file() {
        return file;
    }

    /** The known jobs, newest first. */
    public synchronized List<KnownJob> list() {
        List<KnownJob> copy = new ArrayList<>(jobs);
        copy.sort(Comparator.comparing(KnownJob::foundAt).reversed());
        return List.copyOf(copy);
    }

    /**
     * Records a job. A job already known keeps its first source and time, and gains any new
     * audience ids. Returns the stored entry.
     */
    public KnownJob add(KnownJob job) {
        KnownJob stored;
        synchronized (this) {
            int index = indexOf(job.jobId());
            if (index < 0) {
                stored = job;
                jobs.add(job);
            } else {
                KnownJob old = jobs.get(index);
                Set<String> audiences = new LinkedHashSet<>(old.audienceIds());
                audiences.addAll(job.audienceIds());
                if (audiences.size() == old.audienceIds().size()) {
                    return old;
                }
                stored = new KnownJob(old.jobId(), old.type(), List.copyOf(audiences), old.foundAt(),
                        old.source());
                jobs.set(index, stored);
            }
            save();
        }
        notifyListeners();
        return stored;
    }

    /** Forgets a job; returns whether it was known. */
    public boolean remove(String jobId) {
        synchronized (this) {
            int index = indexOf(jobId);
            if (index < 0) {
                return false;
            }
            jobs.remove(index);
            removed.add(jobId);
            save();
        }
        notifyListeners();
        return true;
    }

    public void addListener(Consumer<List<KnownJob>> listener) {
        listeners.add(listener);
    }

    private int indexOf(String jobId) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).jobId().equals(jobId)) {
                return i;
            }
        }
        return -1;
    }

    private void notifyListeners() {
        List<KnownJob> current = list();
        for (Consumer<List<KnownJob>> listener : listeners) {
            listener.accept(current);
        }
    }

    private synchronized void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<KnownJob> read = MAPPER.readValue(file.toFile(), new TypeReference<List<KnownJob>>() { });
            for (KnownJob job : read) {
                if (job != null && job.jobId() != null && job.foundAt() != null && indexOf(job.jobId()) < 0) {
                    jobs.add(job);
                }
            }
            LOGGER.info("Read {} known jobs from {}", jobs.size(), file);
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged");
            LOGGER.warn("Known-jobs file {} is unreadable; moving it to {}", file, aside, e);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveError) {
                LOGGER.warn("Could not move {} aside", file, moveError);
            }
        }
    }

    /**
     * Writes the list. Another window signed in to the same account may have written the file
     * meanwhile, so under a file lock the file is read first and jobs it has that this process
     * lacks are kept, unless this process removed them.
     */
    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                mergeFromFile();
                write();
            }
        } catch (IOException e) {
            // The list stays usable in memory; only the copy on disk is behind.
            LOGGER.error("Could not save known jobs to {}", file, e);
        }
    }

    private void mergeFromFile() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<KnownJob> onDisk = MAPPER.readValue(file.toFile(), new TypeReference<List<KnownJob>>() { });
            for (KnownJob job : onDisk) {
                if (job != null && job.jobId() != null && job.foundAt() != null
                        && indexOf(job.jobId()) < 0 && !removed.contains(job.jobId())) {
                    jobs.add(job);
                }
            }
        } catch (IOException e) {
            LOGGER.warn("Known-jobs file {} is unreadable; overwriting it with this window's list", file, e);
        }
    }

    private void write() throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(temp.toFile(), jobs);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
