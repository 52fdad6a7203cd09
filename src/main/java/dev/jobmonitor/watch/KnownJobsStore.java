package dev.jobmonitor.watch;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs recorded for one account, kept in a small JSON file so the list survives a restart.
 * The file also keeps the ids of jobs the user removed, so discovery on audiences does not bring
 * them back. Thread-safe; listeners are called on the thread that changed the list.
 *
 * <p>The file is an object {@code {"jobs": [...], "dismissed": [...]}}. A file written before
 * jobs could be removed is a bare array of jobs and is still read.
 */
public final class KnownJobsStore {
    private static final Logger LOGGER = LoggerFactory.getLogger(KnownJobsStore.class);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    /**
     * Removed ids kept at most, oldest dropped first. An id matters only while an audience still
     * names the job, which ends when the audience gets its calendar, so old ids can go.
     */
    static final int MAX_DISMISSED = 1000;

    private final Path file;
    private final List<KnownJob> jobs = new ArrayList<>();
    /** Jobs the user removed, oldest first, so neither discovery nor a merge brings them back. */
    private final Set<String> dismissed = new LinkedHashSet<>();
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

    /** The ids of the jobs the user removed, oldest first. */
    public synchronized List<String> dismissed() {
        return List.copyOf(dismissed);
    }

    /**
     * Records a job. A job already known keeps its first source, time and pin, and gains any new
     * audience ids. A job the user removed is recorded again only when the user started or
     * opened it ({@link KnownJob.Source#STARTED} or {@link KnownJob.Source#OPENED}); otherwise
     * this returns empty. Returns the stored entry.
     */
    public Optional<KnownJob> add(KnownJob job) {
        KnownJob stored;
        synchronized (this) {
            if (dismissed.contains(job.jobId())) {
                if (!job.isRequestedByUser()) {
                    return Optional.empty();
                }
                dismissed.remove(job.jobId());
            }
            int index = indexOf(job.jobId());
            if (index < 0) {
                stored = job;
                jobs.add(job);
            } else {
                KnownJob old = jobs.get(index);
                Set<String> audiences = new LinkedHashSet<>(old.audienceIds());
                audiences.addAll(job.audienceIds());
                if (audiences.size() == old.audienceIds().size()) {
                    return Optional.of(old);
                }
                stored = new KnownJob(old.jobId(), old.type(), List.copyOf(audiences),
                        old.foundAt(), old.source(), old.pinned());
                jobs.set(index, stored);
            }
            save();
        }
        notifyListeners();
        return Optional.of(stored);
    }

    /** Forgets a job, remembers its removal and returns whether the job was known. */
    public boolean remove(String jobId) {
        return removeAll(List.of(jobId)) > 0;
    }

    /**
     * Forgets the jobs and remembers their removal, with one write. Ids of jobs that are not
     * known are remembered too. Returns how many known jobs were removed.
     */
    public int removeAll(Collection<String> jobIds) {
        int removedCount = 0;
        synchronized (this) {
            for (String jobId : jobIds) {
                int index = indexOf(jobId);
                if (index >= 0) {
                    jobs.remove(index);
                    removedCount++;
                }
                dismiss(jobId);
            }
            save();
        }
        notifyListeners();
        return removedCount;
    }

    /** Pins or unpins a known job and returns whether the job is known. */
    public boolean setPinned(String jobId, boolean pinned) {
        synchronized (this) {
            int index = indexOf(jobId);
            if (index < 0) {
                return false;
            }
            if (jobs.get(index).pinned() == pinned) {
                return true;
            }
            jobs.set(index, jobs.get(index).withPinned(pinned));
            save();
        }
        notifyListeners();
        return true;
    }

    public void addListener(Consumer<List<KnownJob>> listener) {
        listeners.add(listener);
    }

    private void dismiss(String jobId) {
        // Re-inserting moves the id to the newest end.
        dismissed.remove(jobId);
        dismissed.add(jobId);
        while (dismissed.size() > MAX_DISMISSED) {
            dismissed.remove(dismissed.iterator().next());
        }
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
            FileContent read = readFile();
            for (KnownJob job : read.jobs()) {
                if (indexOf(job.jobId()) < 0) {
                    jobs.add(job);
                }
            }
            read.dismissed().forEach(this::dismiss);
            LOGGER.info("Read {} known jobs and {} removed ids from {}", jobs.size(),
                    dismissed.size(), file);
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
     * meanwhile, so under a file lock the file is read first: jobs it has that this process
     * lacks are kept unless either side removed them, and its removed ids are kept unless this
     * process lists the job.
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
            FileContent onDisk = readFile();
            // A job this process lists was opened again here, so its old removal is void.
            for (String jobId : onDisk.dismissed()) {
                if (!dismissed.contains(jobId) && indexOf(jobId) < 0) {
                    dismiss(jobId);
                }
            }
            for (KnownJob job : onDisk.jobs()) {
                if (indexOf(job.jobId()) < 0 && !dismissed.contains(job.jobId())) {
                    jobs.add(job);
                }
            }
        } catch (IOException e) {
            LOGGER.warn("Known-jobs file {} is unreadable; overwriting it with this window's list", file, e);
        }
    }

    /** Reads the file in either format, skipping entries without an id or a time. */
    private FileContent readFile() throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || !(root.isArray() || root.isObject())) {
            throw new IOException("Expected a JSON object or array in " + file);
        }
        JsonNode jobsNode = root.isArray() ? root : root.path("jobs");
        List<KnownJob> read = new ArrayList<>();
        for (JsonNode node : jobsNode) {
            KnownJob job = MAPPER.treeToValue(node, KnownJob.class);
            if (job != null && job.jobId() != null && job.foundAt() != null) {
                read.add(job);
            }
        }
        List<String> removedIds = new ArrayList<>();
        for (JsonNode node : root.path("dismissed")) {
            if (node.isTextual()) {
                removedIds.add(node.asText());
            }
        }
        return new FileContent(read, removedIds);
    }

    private void write() throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(temp.toFile(), new FileContent(jobs, List.copyOf(dismissed)));
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The file's content: the known jobs and the ids of removed jobs, oldest first. */
    private record FileContent(List<KnownJob> jobs, List<String> dismissed) {
    }
}
