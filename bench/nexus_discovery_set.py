"""A labelled query set for nexus discovery: 28 agents, 106 skills, 318 queries (three per skill: two in
SKILLS, a third in MORE), and the examples each skill's card lists (EXAMPLES).

Written by hand. Each skill has a card-style name and description; its two queries are phrased the
way a user would ask (symptoms, goals, slang), deliberately avoiding the skill's own wording where
a user would. Neighbouring skills are made to be confusable (several privacy, crypto and
Kubernetes skills), so recall@1 means something.

SKILLS: (agent, skill_id, name, description, tags, [query, query])
"""

from __future__ import annotations

from typing import Any

SKILLS: list[tuple[str, str, str, str, list[str], list[str]]] = [
    # -- Kubernetes operations --------------------------------------------------------------
    (
        "Kube Doctor",
        "memory-limits",
        "Tune container memory limits",
        "Adjusts Kubernetes container memory requests and limits from observed usage.",
        ["kubernetes"],
        [
            "my pods keep getting OOM killed",
            "the payments service dies whenever traffic spikes, says out of memory",
        ],
    ),
    (
        "Kube Doctor",
        "crashloop",
        "Diagnose CrashLoopBackOff",
        "Explains why a pod restarts repeatedly by reading its events, exit codes and previous logs.",
        ["kubernetes"],
        [
            "my container restarts over and over and I don't know why",
            "pod status shows back-off restarting failed",
        ],
    ),
    (
        "Kube Doctor",
        "pending-pods",
        "Explain unschedulable pods",
        "Finds why pods stay Pending: insufficient CPU, taints, node selectors or unbound volumes.",
        ["kubernetes"],
        [
            "my new pods never start, they just sit there waiting",
            "why won't the scheduler place my workload on any node",
        ],
    ),
    (
        "Kube Doctor",
        "image-pull",
        "Fix image pull errors",
        "Resolves ErrImagePull and ImagePullBackOff: wrong tags, private registry credentials, rate limits.",
        ["kubernetes"],
        [
            "the cluster can't download my container image",
            "deployment stuck because it cannot fetch from our private registry",
        ],
    ),
    (
        "Kube Rightsizer",
        "cpu-rightsize",
        "Right-size CPU requests",
        "Recommends CPU requests and limits from measured usage percentiles to cut waste and throttling.",
        ["kubernetes", "cost"],
        [
            "we are paying for cores our services never use",
            "my app is being throttled even though the node is idle",
        ],
    ),
    (
        "Kube Rightsizer",
        "idle-workloads",
        "Find idle workloads",
        "Lists deployments and jobs that received no traffic or did no work for weeks.",
        ["kubernetes", "cost"],
        [
            "which services in the cluster has nobody touched in a month",
            "find forgotten deployments we could delete",
        ],
    ),
    (
        "Kube Rightsizer",
        "autoscaling",
        "Configure horizontal autoscaling",
        "Sets up HorizontalPodAutoscalers with sensible targets so replicas follow load.",
        ["kubernetes"],
        [
            "add more copies of my service automatically when it gets busy",
            "scale out at peak and back in at night without me doing it",
        ],
    ),
    (
        "Kube Rightsizer",
        "node-pools",
        "Optimise node pools",
        "Suggests node instance types and pool sizes that fit the cluster's workloads with less spare capacity.",
        ["kubernetes", "cost"],
        [
            "our machines are half empty, should we use smaller VMs",
            "pick better server sizes for the cluster",
        ],
    ),
    (
        "Rollout Guard",
        "rollback",
        "Roll back a deployment",
        "Restores a workload to its previous revision after a bad release.",
        ["kubernetes", "release"],
        ["the release we just shipped broke checkout, undo it", "go back to yesterday's version of the api"],
    ),
    (
        "Rollout Guard",
        "canary",
        "Run a canary release",
        "Sends a small share of traffic to a new version and promotes or aborts it on error rates.",
        ["kubernetes", "release"],
        ["try the new build on five percent of users first", "release gradually and stop if errors go up"],
    ),
    (
        "Rollout Guard",
        "config-drift",
        "Detect configuration drift",
        "Compares live cluster objects to the manifests in git and reports what was changed by hand.",
        ["kubernetes", "gitops"],
        [
            "someone edited production directly, what's different from the repo",
            "is the cluster still matching our yaml files",
        ],
    ),
    (
        "Rollout Guard",
        "secret-rotation-k8s",
        "Rotate Kubernetes secrets",
        "Replaces Secret values and restarts the pods that mount them, without downtime.",
        ["kubernetes", "security"],
        [
            "the database password in the cluster leaked, swap it out",
            "update the credentials my pods read and reload them",
        ],
    ),
    # -- Observability ----------------------------------------------------------------------
    (
        "Signal Hound",
        "latency-spike",
        "Investigate latency spikes",
        "Correlates p99 latency spikes with deploys, saturation and dependencies from metrics and traces.",
        ["observability"],
        ["the site got really slow around noon, what happened", "why are some requests taking seconds"],
    ),
    (
        "Signal Hound",
        "alert-tuning",
        "Tune noisy alerts",
        "Finds alerts that fire too often or never and proposes thresholds and durations.",
        ["observability"],
        ["on-call gets paged all night for nothing", "our alarms keep going off for blips"],
    ),
    (
        "Signal Hound",
        "log-search",
        "Search logs",
        "Searches application logs across services for errors or a request id and summarises matches.",
        ["observability"],
        ["find every error for order 88123 across all services", "grep the logs for that stack trace"],
    ),
    (
        "Signal Hound",
        "slo-report",
        "Report SLO compliance",
        "Computes availability and latency SLOs and the remaining error budget for each service.",
        ["observability"],
        [
            "how much downtime can we still afford this month",
            "did we meet our reliability target last quarter",
        ],
    ),
    (
        "Signal Hound",
        "dashboard",
        "Build a metrics dashboard",
        "Creates a Grafana dashboard for a service's traffic, errors, latency and saturation.",
        ["observability"],
        [
            "I want graphs of my service's health on one screen",
            "make me a grafana board for the checkout api",
        ],
    ),
    # -- Privacy ----------------------------------------------------------------------------
    (
        "Log Redactor",
        "redact-pii",
        "Redact personal data",
        "Masks names, emails, phone numbers, card numbers and other personal data in text.",
        ["privacy"],
        ["hide the card numbers in this log", "strip out customer emails before I share this transcript"],
    ),
    (
        "Log Redactor",
        "detect-pii",
        "Detect personal data",
        "Scans documents and datasets and reports which fields contain personal data and of what kind.",
        ["privacy"],
        [
            "does this spreadsheet contain anything personal",
            "tell me which columns in our export are sensitive",
        ],
    ),
    (
        "Log Redactor",
        "pseudonymise",
        "Pseudonymise identifiers",
        "Replaces identifiers with consistent tokens so records can still be joined without revealing who they are.",
        ["privacy"],
        [
            "swap user ids for stable fake ones so analysts can still join tables",
            "make the dataset anonymous-ish but keep the same person linked",
        ],
    ),
    (
        "Privacy Accountant",
        "dp-count",
        "Differentially private statistics",
        "Answers counts, sums and means with differential privacy noise and tracks the privacy budget.",
        ["privacy", "statistics"],
        [
            "publish how many patients had the condition without exposing any individual",
            "give me an average salary that can't leak any one person's pay",
        ],
    ),
    (
        "Privacy Accountant",
        "budget",
        "Track privacy budget",
        "Reports how much epsilon has been spent per dataset and refuses queries beyond the limit.",
        ["privacy"],
        [
            "how much privacy loss have we used on the census data",
            "can we still run more noisy queries on this table",
        ],
    ),
    (
        "Privacy Accountant",
        "dsar",
        "Answer data subject requests",
        "Collects everything held about one person for an access request, or erases it on request.",
        ["privacy", "gdpr"],
        [
            "a customer asked for a copy of all the data we have on them",
            "someone wants to be forgotten, delete their stuff",
        ],
    ),
    (
        "Privacy Accountant",
        "consent",
        "Check consent records",
        "Verifies that a user gave consent for a given processing purpose before their data is used.",
        ["privacy", "gdpr"],
        ["did this user agree to marketing emails", "can we use her data for analytics, did she opt in"],
    ),
    # -- Cryptography ----------------------------------------------------------------------
    (
        "Key Keeper",
        "encrypt",
        "Encrypt data",
        "Encrypts a payload with a named, versioned key and returns ciphertext that records the key version.",
        ["crypto"],
        ["lock this report so only our service can read it", "scramble the config before storing it on disk"],
    ),
    (
        "Key Keeper",
        "decrypt",
        "Decrypt data",
        "Decrypts ciphertext produced by this service with the key version it names.",
        ["crypto"],
        ["turn this encrypted blob back into readable text", "open the file we locked last week"],
    ),
    (
        "Key Keeper",
        "rotate-key",
        "Rotate an encryption key",
        "Creates a new key version; new data uses it while old versions still decrypt.",
        ["crypto"],
        ["our key is a year old, make a fresh one", "retire the current key but keep reading old data"],
    ),
    (
        "Key Keeper",
        "rewrap",
        "Re-encrypt under the latest key",
        "Re-encrypts stored ciphertexts with the newest key version without exposing plaintext.",
        ["crypto"],
        ["move all old encrypted records onto the new key", "upgrade our stored ciphertext after rotating"],
    ),
    (
        "Post-Quantum Courier",
        "seal",
        "Seal a message for a recipient",
        "Encrypts a message to a recipient's ML-KEM and X25519 public key so only they can open it.",
        ["crypto", "post-quantum"],
        [
            "send this so only the partner bank can read it, even against future quantum computers",
            "encrypt a note for Alice using her public key",
        ],
    ),
    (
        "Post-Quantum Courier",
        "sign",
        "Sign a document",
        "Produces a post-quantum ML-DSA signature over a document and verifies signatures.",
        ["crypto", "post-quantum"],
        [
            "prove this release file came from us and was not altered",
            "check that the contract signature is genuine",
        ],
    ),
    (
        "Post-Quantum Courier",
        "keypair",
        "Generate a key pair",
        "Creates a public and private key pair for sealing or signing and publishes the public half.",
        ["crypto", "post-quantum"],
        [
            "I need new keys so people can send me encrypted stuff",
            "set up a public and private key for my agent",
        ],
    ),
    (
        "Post-Quantum Courier",
        "tls-check",
        "Audit TLS configuration",
        "Checks a server's TLS versions, cipher suites and certificate chain for weaknesses and expiry.",
        ["crypto", "security"],
        ["is our https setup secure", "when does the certificate on api.example.com run out"],
    ),
    # -- Compliance ------------------------------------------------------------------------
    (
        "Policy Judge",
        "pod-security",
        "Check Pod Security Standards",
        "Evaluates workloads against the baseline and restricted Pod Security Standards.",
        ["compliance", "kubernetes"],
        [
            "are any of my containers running as root",
            "which pods would be rejected under the restricted profile",
        ],
    ),
    (
        "Policy Judge",
        "soc2",
        "Assess SOC 2 controls",
        "Checks evidence for SOC 2 trust services criteria and lists failing controls.",
        ["compliance"],
        [
            "are we ready for the SOC 2 auditor next month",
            "which security controls would fail our soc2 review",
        ],
    ),
    (
        "Policy Judge",
        "hipaa",
        "Assess HIPAA safeguards",
        "Checks technical safeguards for protected health information: access control, audit, encryption.",
        ["compliance", "health"],
        [
            "can we store patient records in this system legally in the US",
            "is our clinic app handling health data properly",
        ],
    ),
    (
        "Policy Judge",
        "gdpr",
        "Assess GDPR obligations",
        "Checks records of processing, retention and transfers against GDPR articles.",
        ["compliance", "gdpr"],
        [
            "are we breaking European data protection rules",
            "can we keep EU customer data in an American datacenter",
        ],
    ),
    (
        "Policy Judge",
        "attest",
        "Sign a compliance attestation",
        "Produces a signed, verifiable statement of which checks passed at a point in time.",
        ["compliance"],
        [
            "give the auditor tamper-proof proof of our passing checks",
            "issue a signed statement that the cluster was compliant today",
        ],
    ),
    (
        "Audit Clerk",
        "audit-trail",
        "Query the audit trail",
        "Lists who changed what and when from the hash-chained audit log, and verifies its integrity.",
        ["compliance", "audit"],
        ["who deleted the staging namespace on Tuesday", "has anyone tampered with our change history"],
    ),
    (
        "Audit Clerk",
        "access-review",
        "Review access rights",
        "Lists who holds which permissions and flags stale or excessive grants.",
        ["compliance", "security"],
        [
            "who still has admin rights that left the company",
            "find people with more permissions than they need",
        ],
    ),
    (
        "Audit Clerk",
        "retention",
        "Enforce data retention",
        "Finds records kept beyond their retention period and schedules their deletion.",
        ["compliance"],
        [
            "we're holding logs way longer than allowed, clean them up",
            "which old customer records should be purged by now",
        ],
    ),
    # -- Quantum ----------------------------------------------------------------------------
    (
        "Qubit Lab",
        "run-circuit",
        "Run a quantum circuit",
        "Executes an OpenQASM circuit on a simulator and returns measurement counts.",
        ["quantum"],
        ["run my qasm program and show the results", "simulate this bell state experiment for 1000 shots"],
    ),
    (
        "Qubit Lab",
        "transpile",
        "Optimise a quantum circuit",
        "Transpiles a circuit to a device's native gates and connectivity with fewer two-qubit gates.",
        ["quantum"],
        ["make my circuit shallower so it fits real hardware", "reduce the number of cnots in this program"],
    ),
    (
        "Qubit Lab",
        "qaoa",
        "Solve optimisation with QAOA",
        "Builds and runs a QAOA circuit for Max-Cut and similar combinatorial problems.",
        ["quantum", "optimisation"],
        [
            "find the best way to split this graph into two groups using a quantum computer",
            "try a quantum approach to my scheduling problem",
        ],
    ),
    (
        "Qubit Lab",
        "noise",
        "Model device noise",
        "Simulates a circuit under a realistic noise model to predict results on real hardware.",
        ["quantum"],
        [
            "how would this circuit behave on an actual noisy chip",
            "add decoherence and gate errors to my simulation",
        ],
    ),
    # -- Satellites and edge hardware --------------------------------------------------------
    (
        "Orbit Desk",
        "pass-predict",
        "Predict satellite passes",
        "Computes when a satellite rises above the horizon for a ground station from its orbital elements.",
        ["satellite"],
        [
            "when will the ISS fly over Berlin tonight",
            "next time our cubesat is visible from the ground station",
        ],
    ),
    (
        "Orbit Desk",
        "sat-handoff",
        "Hand off between satellites",
        "Chooses the next LEO satellite to switch a terminal's link to as the current one sets.",
        ["satellite"],
        [
            "our connection drops when the satellite goes down, switch to the next one",
            "keep the terminal online as birds move across the sky",
        ],
    ),
    (
        "Orbit Desk",
        "tle-update",
        "Refresh orbital elements",
        "Fetches current two-line element sets for a constellation and reports stale ones.",
        ["satellite"],
        ["our orbit data is old, get fresh TLEs", "update the tracking data for the starlink fleet"],
    ),
    (
        "Orbit Desk",
        "link-budget",
        "Compute a link budget",
        "Estimates signal margin for a radio link from power, antenna gains, distance and losses.",
        ["satellite", "radio"],
        [
            "will my radio signal be strong enough to reach the satellite",
            "how many dB of margin do we have on the downlink",
        ],
    ),
    (
        "Serial Bridge",
        "serial-read",
        "Read a serial device",
        "Opens a serial port with the right baud rate and reads lines from a sensor or controller.",
        ["hardware"],
        ["get readings from the thermometer plugged into usb", "what is my arduino printing on the com port"],
    ),
    (
        "Serial Bridge",
        "serial-write",
        "Send commands to a device",
        "Writes commands to a serial device and waits for its reply with a timeout.",
        ["hardware"],
        ["tell the motor controller to move 10 steps", "send AT commands to the modem"],
    ),
    (
        "Serial Bridge",
        "firmware",
        "Flash device firmware",
        "Uploads a firmware image to a microcontroller and verifies the write.",
        ["hardware"],
        ["put the new build onto the esp32 board", "update the code on the microcontroller"],
    ),
    (
        "Serial Bridge",
        "modbus",
        "Poll Modbus registers",
        "Reads and writes holding registers on Modbus RTU and TCP industrial devices.",
        ["hardware", "industrial"],
        ["read the values from the factory PLC", "get the meter readings from our industrial controller"],
    ),
    # -- Agent marketplace / coordination ----------------------------------------------------
    (
        "Team Builder",
        "find-agent",
        "Find an agent for a job",
        "Searches a registry of agents by capability and returns the best matches.",
        ["agents"],
        ["who can help me with this kind of task", "is there a bot that already knows how to do this"],
    ),
    (
        "Team Builder",
        "plan-team",
        "Assemble a team of agents",
        "Splits a goal into capabilities and picks one agent for each, with cost and time estimates.",
        ["agents"],
        [
            "put together a crew of bots for launching our product in Japan",
            "which agents would I need to get this whole project done and what would it cost",
        ],
    ),
    (
        "Team Builder",
        "delegate",
        "Delegate a task",
        "Hands a task with context to another agent and tracks it until it is done.",
        ["agents"],
        [
            "pass this ticket to someone else and let me know when it's finished",
            "give the follow-up work to another assistant",
        ],
    ),
    (
        "Team Builder",
        "scorecard",
        "Rate agent reliability",
        "Reports how often each agent finishes the work it accepts and how long it takes.",
        ["agents"],
        ["which assistant actually gets things done", "how dependable has the translation bot been"],
    ),
    # -- Documents and language -------------------------------------------------------------
    (
        "Polyglot",
        "translate",
        "Translate documents",
        "Translates text between major languages while keeping formatting.",
        ["language"],
        ["I need this contract in Japanese", "put our website copy into Spanish"],
    ),
    (
        "Polyglot",
        "summarise",
        "Summarise a document",
        "Writes a short summary of a long document with its key points.",
        ["language"],
        ["give me the gist of this 40 page report", "tl;dr this meeting transcript"],
    ),
    (
        "Polyglot",
        "proofread",
        "Proofread text",
        "Fixes spelling, grammar and punctuation and suggests clearer wording.",
        ["language"],
        ["check my essay for typos", "make this email sound less clumsy"],
    ),
    (
        "Polyglot",
        "transcribe",
        "Transcribe audio",
        "Turns speech recordings into text with speaker labels and timestamps.",
        ["language", "audio"],
        ["write down what was said in this voice memo", "turn the podcast episode into text"],
    ),
    (
        "Doc Parser",
        "pdf-tables",
        "Extract tables from PDFs",
        "Pulls tables out of PDF files into CSV or JSON.",
        ["documents"],
        [
            "get the numbers out of this scanned invoice into a spreadsheet",
            "the bank statement is a pdf, I need it in excel",
        ],
    ),
    (
        "Doc Parser",
        "ocr",
        "Read text from images",
        "Recognises printed and handwritten text in photos and scans.",
        ["documents"],
        ["what does this photo of a receipt say", "read the handwriting on this whiteboard picture"],
    ),
    (
        "Doc Parser",
        "classify-doc",
        "Classify documents",
        "Sorts incoming documents into types such as invoice, contract, CV or letter.",
        ["documents"],
        [
            "sort this pile of uploads into invoices and contracts",
            "figure out what kind of paperwork each file is",
        ],
    ),
    (
        "Doc Parser",
        "contract-terms",
        "Extract contract terms",
        "Finds parties, dates, renewal, termination and liability clauses in contracts.",
        ["documents", "legal"],
        [
            "when does our lease auto renew and how do we get out of it",
            "what are the notice periods in this agreement",
        ],
    ),
    # -- Code and software delivery ----------------------------------------------------------
    (
        "Code Smith",
        "code-review",
        "Review a pull request",
        "Reviews a code change for bugs, style and missing tests and comments on the lines concerned.",
        ["code"],
        ["can someone look over my PR before I merge", "spot problems in this diff"],
    ),
    (
        "Code Smith",
        "write-tests",
        "Write unit tests",
        "Generates unit tests for a function or module, covering edge cases.",
        ["code", "testing"],
        ["this module has no tests, add some", "cover the weird edge cases of my parser"],
    ),
    (
        "Code Smith",
        "fix-ci",
        "Fix a failing build",
        "Reads CI logs, finds why a pipeline fails and proposes the fix.",
        ["code", "ci"],
        ["the pipeline is red since this morning", "github actions keeps failing on my branch"],
    ),
    (
        "Code Smith",
        "dependency-update",
        "Update dependencies",
        "Upgrades outdated or vulnerable packages and checks the build still passes.",
        ["code", "security"],
        ["our libraries are years out of date", "npm audit shows a bunch of vulnerabilities, bump them"],
    ),
    (
        "Code Smith",
        "explain-code",
        "Explain code",
        "Explains what a piece of code does in plain language, step by step.",
        ["code"],
        ["what on earth does this regex do", "walk me through this legacy function"],
    ),
    (
        "Vuln Scanner",
        "image-scan",
        "Scan container images",
        "Scans container images for known CVEs in OS packages and libraries.",
        ["security", "containers"],
        ["is our docker image full of security holes", "check the base image for known exploits"],
    ),
    (
        "Vuln Scanner",
        "secret-scan",
        "Find leaked secrets in code",
        "Searches repositories and history for committed passwords, API keys and tokens.",
        ["security", "code"],
        ["did anyone commit an AWS key to git", "check the repo for passwords someone pushed by accident"],
    ),
    (
        "Vuln Scanner",
        "pentest",
        "Probe a web app for vulnerabilities",
        "Tests a web application for injection, XSS, broken auth and misconfiguration.",
        ["security"],
        ["try to hack our website before the bad guys do", "is the login page vulnerable to sql injection"],
    ),
    (
        "Vuln Scanner",
        "sbom",
        "Produce a software bill of materials",
        "Lists every component and version shipped in an application or image as an SBOM.",
        ["security"],
        [
            "list every open source package inside our product",
            "a customer wants to know what third-party code we ship",
        ],
    ),
    # -- Data ------------------------------------------------------------------------------
    (
        "Data Wrangler",
        "sql-query",
        "Write SQL queries",
        "Turns a question about a database into a SQL query and runs it.",
        ["data"],
        [
            "how many orders did we get from France last week",
            "pull the top ten customers by revenue from the db",
        ],
    ),
    (
        "Data Wrangler",
        "clean-data",
        "Clean a dataset",
        "Fixes missing values, duplicates and inconsistent formats in tabular data.",
        ["data"],
        ["this csv is a mess with duplicate rows and weird dates", "tidy up the spreadsheet before analysis"],
    ),
    (
        "Data Wrangler",
        "forecast",
        "Forecast a time series",
        "Predicts future values of a metric from its history with seasonality.",
        ["data", "statistics"],
        ["how many users will we have by Christmas", "predict next month's electricity usage"],
    ),
    (
        "Data Wrangler",
        "anomaly",
        "Detect anomalies",
        "Flags unusual points in metrics or transactions compared with normal behaviour.",
        ["data"],
        ["tell me when sales numbers look weird", "spot suspicious transactions in this list"],
    ),
    (
        "Data Wrangler",
        "chart",
        "Chart data",
        "Draws bar, line and scatter charts from a table.",
        ["data"],
        ["plot revenue by month", "make a graph comparing the two regions"],
    ),
    # -- Cloud cost and infrastructure -------------------------------------------------------
    (
        "Cloud Saver",
        "bill-breakdown",
        "Explain a cloud bill",
        "Breaks a cloud bill down by service, team and tag and explains changes.",
        ["cost", "cloud"],
        ["why did our AWS bill double this month", "which team is spending the most in the cloud"],
    ),
    (
        "Cloud Saver",
        "reserved",
        "Recommend reservations",
        "Recommends reserved instances or savings plans from steady usage.",
        ["cost", "cloud"],
        ["should we commit to a year of compute to get a discount", "are savings plans worth it for us"],
    ),
    (
        "Cloud Saver",
        "orphans",
        "Find orphaned cloud resources",
        "Finds unattached disks, idle load balancers and old snapshots still being billed.",
        ["cost", "cloud"],
        ["we're paying for storage volumes nothing uses", "clean up leftover junk in our cloud account"],
    ),
    (
        "Cloud Saver",
        "terraform-plan",
        "Review an infrastructure change",
        "Reviews a Terraform plan for risky changes such as replacements and open security groups.",
        ["cloud", "iac"],
        ["is this terraform apply going to destroy the database", "check my infra change before I apply it"],
    ),
    # -- Support and business --------------------------------------------------------------
    (
        "Help Desk",
        "triage",
        "Triage support tickets",
        "Classifies incoming tickets by topic and urgency and routes them to the right team.",
        ["support"],
        [
            "sort the support queue so urgent stuff gets handled first",
            "which customer emails need an engineer",
        ],
    ),
    (
        "Help Desk",
        "reply-draft",
        "Draft a customer reply",
        "Drafts a polite, accurate reply to a customer from the ticket and knowledge base.",
        ["support"],
        ["help me answer this angry customer", "write a response to the refund request"],
    ),
    (
        "Help Desk",
        "faq",
        "Answer from the knowledge base",
        "Answers product questions by citing the help-centre articles.",
        ["support"],
        ["how do I reset my password in the app", "does the premium plan include exports"],
    ),
    (
        "Help Desk",
        "sentiment",
        "Measure customer sentiment",
        "Scores reviews and messages as positive, neutral or negative and finds common complaints.",
        ["support"],
        [
            "are customers happy with the new release",
            "what are people complaining about in the app store reviews",
        ],
    ),
    (
        "Ledger",
        "invoice",
        "Create invoices",
        "Generates invoices with tax from orders and sends them to customers.",
        ["finance"],
        ["bill the client for March's consulting hours", "send Acme the paperwork so they pay us"],
    ),
    (
        "Ledger",
        "reconcile",
        "Reconcile payments",
        "Matches bank transactions to invoices and flags unmatched payments.",
        ["finance"],
        ["which invoices are still unpaid according to the bank", "match the stripe payouts with our books"],
    ),
    (
        "Ledger",
        "expense",
        "Process expense reports",
        "Reads receipts, categorises expenses and checks them against policy.",
        ["finance"],
        ["file my travel receipts from the conference", "is this dinner expense allowed"],
    ),
    (
        "Ledger",
        "fx",
        "Convert currencies",
        "Converts amounts between currencies at current or historical exchange rates.",
        ["finance"],
        ["how much is 500 euros in yen", "what was the dollar rate on the invoice date"],
    ),
    (
        "Talent Scout",
        "screen-cv",
        "Screen job applications",
        "Ranks CVs against a job description and summarises each candidate.",
        ["hr"],
        ["go through the 200 applicants for the backend role", "who are the best candidates for this job"],
    ),
    (
        "Talent Scout",
        "interview-schedule",
        "Schedule interviews",
        "Finds times that suit candidates and interviewers and sends invitations.",
        ["hr", "calendar"],
        ["set up meetings with the shortlisted people next week", "find a slot when the whole panel is free"],
    ),
    (
        "Talent Scout",
        "onboarding",
        "Onboard a new hire",
        "Creates accounts, assigns equipment and sends the first-week plan to a new employee.",
        ["hr"],
        ["Maria starts on Monday, get her set up", "make sure the new engineer has a laptop and logins"],
    ),
    (
        "Talent Scout",
        "job-post",
        "Write a job posting",
        "Writes an inclusive job advertisement from a role description.",
        ["hr"],
        ["we need to hire a designer, write the ad", "draft a vacancy text for a data engineer"],
    ),
    # -- Travel, calendar, comms ----------------------------------------------------------
    (
        "Trip Planner",
        "flights",
        "Book flights",
        "Searches and books flights by price, time and airline preferences.",
        ["travel"],
        ["get me to Lisbon on Thursday morning", "cheapest way to fly to Tokyo in May"],
    ),
    (
        "Trip Planner",
        "hotel",
        "Book hotels",
        "Finds and books hotels near a location within a budget.",
        ["travel"],
        [
            "somewhere to sleep near the conference center under 150 a night",
            "reserve a room in Paris for two nights",
        ],
    ),
    (
        "Trip Planner",
        "itinerary",
        "Plan an itinerary",
        "Builds a day-by-day travel plan with transport between stops.",
        ["travel"],
        ["plan a week in Italy for us", "what should we do each day in Kyoto"],
    ),
    (
        "Calendar Clerk",
        "meeting",
        "Schedule a meeting",
        "Finds a time that fits all attendees' calendars and sends the invite.",
        ["calendar"],
        [
            "get the team together for an hour sometime this week",
            "book a call with the client when we're all free",
        ],
    ),
    (
        "Calendar Clerk",
        "reminder",
        "Set reminders",
        "Creates reminders and follow-ups at a given time or date.",
        ["calendar"],
        ["ping me tomorrow at nine to call the bank", "don't let me forget the tax deadline"],
    ),
    (
        "Mail Room",
        "newsletter",
        "Send a newsletter",
        "Composes and sends an email campaign to a subscriber list and reports opens.",
        ["marketing"],
        ["email all our subscribers about the spring sale", "how many people opened last week's mailing"],
    ),
    (
        "Mail Room",
        "inbox-zero",
        "Sort an email inbox",
        "Labels, archives and summarises email so only what needs action remains.",
        ["email"],
        ["my inbox has 3000 unread messages, help", "which emails actually need a reply from me"],
    ),
    (
        "Mail Room",
        "spam",
        "Filter spam and phishing",
        "Detects spam and phishing emails and quarantines them.",
        ["email", "security"],
        ["is this email from the 'bank' a scam", "stop the junk mail flooding our shared mailbox"],
    ),
    # -- Home / misc domain for confusability ------------------------------------------------
    (
        "Home Chef",
        "recipe",
        "Suggest recipes",
        "Suggests recipes from ingredients at hand and dietary needs.",
        ["cooking"],
        ["what can I make with eggs, spinach and rice", "a vegan dinner idea for six people"],
    ),
    (
        "Home Chef",
        "meal-plan",
        "Plan weekly meals",
        "Plans a week of meals with a shopping list and calorie targets.",
        ["cooking", "health"],
        ["plan what we eat this week and tell me what to buy", "help me eat 1800 calories a day"],
    ),
    (
        "Fit Coach",
        "workout",
        "Create a workout plan",
        "Builds an exercise programme for a goal and fitness level.",
        ["health"],
        ["I want to run a 10k in two months", "a gym routine for building strength three days a week"],
    ),
    (
        "Fit Coach",
        "sleep",
        "Analyse sleep",
        "Reads sleep tracker data and suggests ways to sleep better.",
        ["health"],
        ["why am I always tired even after eight hours in bed", "look at my watch's sleep data"],
    ),
]


def cards() -> list[dict[str, Any]]:
    """The agents as A2A cards (one card per agent, its skills in order)."""
    by_agent: dict[str, list[dict[str, Any]]] = {}
    for agent, skill_id, name, description, tags, _ in SKILLS:
        by_agent.setdefault(agent, []).append(
            {"id": skill_id, "name": name, "description": description, "tags": tags}
        )
    return [
        {
            "name": agent,
            "description": f"{agent}: " + "; ".join(s["name"] for s in skills),
            "url": f"https://agents.example/{agent.lower().replace(' ', '-')}",
            "version": "1.0.0",
            "protocolVersion": "0.3.0",
            "capabilities": {},
            "defaultInputModes": ["text/plain"],
            "defaultOutputModes": ["text/plain"],
            "skills": skills,
        }
        for agent, skills in by_agent.items()
    ]


def queries() -> list[tuple[str, tuple[str, str]]]:
    """(query, (agent_id, skill_id)) for every labelled query."""
    from servers.nexus.cards import default_agent_id as agent_id_for

    return [(q, (agent_id_for(agent), skill_id)) for agent, skill_id, *_, qs in SKILLS for q in qs]


# -- card examples ------------------------------------------------------------------------------
# Card examples for the labelled discovery set (bench/nexus_discovery_set.py): what each skill's author
# would list in its A2A card's `examples` (AgentSkill.examples: "example prompts or scenarios that this
# skill can handle"), two per skill.
#
# Written by hand from each skill's name and description only, as an agent's author documents the skill:
# short imperative requests in the skill's own domain terms. They are not the labelled queries (which are
# phrased as users ask, with symptoms and slang, avoiding the skill's wording) and were written without
# running any ranking. Discovery may use them (they are part of a card); the labelled queries never enter
# the index.
#
# EXAMPLES: (agent, skill_id) -> [example, example]
EXAMPLES: dict[tuple[str, str], list[str]] = {
    ("Kube Doctor", "memory-limits"): [
        "set the memory limit of the api container from its usage",
        "lower the memory requests of the worker deployment",
    ],
    ("Kube Doctor", "crashloop"): [
        "diagnose the CrashLoopBackOff of pod web-7d9f",
        "read the exit code and previous logs of a restarting pod",
    ],
    ("Kube Doctor", "pending-pods"): [
        "explain why pod batch-42 is Pending",
        "check taints and node selectors blocking scheduling",
    ],
    ("Kube Doctor", "image-pull"): [
        "fix ImagePullBackOff on the frontend deployment",
        "add registry credentials for a private image",
    ],
    ("Kube Rightsizer", "cpu-rightsize"): [
        "recommend CPU requests for the checkout service",
        "reduce CPU throttling by adjusting limits",
    ],
    ("Kube Rightsizer", "idle-workloads"): [
        "list deployments with no traffic in 30 days",
        "report cron jobs that did no work recently",
    ],
    ("Kube Rightsizer", "autoscaling"): [
        "create a HorizontalPodAutoscaler for the api at 70% CPU",
        "make replicas follow request load",
    ],
    ("Kube Rightsizer", "node-pools"): [
        "suggest instance types for our node pool",
        "resize the node pools to cut spare capacity",
    ],
    ("Rollout Guard", "rollback"): [
        "roll back deployment payments to the previous revision",
        "restore the last good release of a service",
    ],
    ("Rollout Guard", "canary"): [
        "run a canary of version 2.3 with 10% of traffic",
        "promote or abort the canary based on error rate",
    ],
    ("Rollout Guard", "config-drift"): [
        "compare the live cluster with the git manifests",
        "report resources changed by hand with kubectl edit",
    ],
    ("Rollout Guard", "secret-rotation-k8s"): [
        "rotate the Secret db-credentials and restart its pods",
        "replace an API token stored in a Kubernetes Secret",
    ],
    ("Signal Hound", "latency-spike"): [
        "investigate the p99 latency spike at 14:00",
        "correlate slow requests with the last deploy",
    ],
    ("Signal Hound", "alert-tuning"): [
        "tune the threshold of the disk usage alert",
        "find alerts that fire too often",
    ],
    ("Signal Hound", "log-search"): [
        "search logs for request id 4f2a across services",
        "summarise the errors logged by the api today",
    ],
    ("Signal Hound", "slo-report"): [
        "report the availability SLO of checkout for last month",
        "show the remaining error budget per service",
    ],
    ("Signal Hound", "dashboard"): [
        "create a Grafana dashboard for the orders service",
        "chart traffic, errors and latency of a service",
    ],
    ("Log Redactor", "redact-pii"): [
        "mask emails and phone numbers in this text",
        "redact card numbers from the application log",
    ],
    ("Log Redactor", "detect-pii"): [
        "scan this CSV and report columns with personal data",
        "which fields of the dataset hold PII",
    ],
    ("Log Redactor", "pseudonymise"): [
        "replace customer ids with consistent tokens",
        "pseudonymise the user column so tables still join",
    ],
    ("Privacy Accountant", "dp-count"): [
        "count patients by region with differential privacy",
        "compute a noisy mean of salaries with epsilon 0.5",
    ],
    ("Privacy Accountant", "budget"): [
        "how much epsilon has the sales dataset spent",
        "show the privacy budget left per dataset",
    ],
    ("Privacy Accountant", "dsar"): [
        "collect all data held about customer 8812 for an access request",
        "erase a person's data after a deletion request",
    ],
    ("Privacy Accountant", "consent"): [
        "verify user 1201 consented to marketing emails",
        "check consent before using data for analytics",
    ],
    ("Key Keeper", "encrypt"): [
        "encrypt this payload with the key billing",
        "encrypt a file under a versioned key",
    ],
    ("Key Keeper", "decrypt"): ["decrypt this ciphertext", "decrypt a record encrypted with key version 3"],
    ("Key Keeper", "rotate-key"): [
        "rotate the key customer-data",
        "create a new version of an encryption key",
    ],
    ("Key Keeper", "rewrap"): [
        "re-encrypt stored ciphertexts under the latest key version",
        "rewrap old data after a key rotation",
    ],
    ("Post-Quantum Courier", "seal"): [
        "seal this message for bob's public key",
        "encrypt a note with ML-KEM so only the recipient can open it",
    ],
    ("Post-Quantum Courier", "sign"): [
        "sign this document with ML-DSA",
        "verify the signature on a contract",
    ],
    ("Post-Quantum Courier", "keypair"): [
        "generate a key pair for sealing",
        "create a signing key and publish its public key",
    ],
    ("Post-Quantum Courier", "tls-check"): [
        "audit the TLS configuration of api.example.com",
        "check certificate chain and cipher suites of a server",
    ],
    ("Policy Judge", "pod-security"): [
        "check the namespace against the restricted Pod Security Standard",
        "evaluate workloads for privileged containers",
    ],
    ("Policy Judge", "soc2"): ["assess our SOC 2 controls", "list failing SOC 2 trust services criteria"],
    ("Policy Judge", "hipaa"): [
        "assess HIPAA technical safeguards for the patient database",
        "check access control and audit logging for PHI",
    ],
    ("Policy Judge", "gdpr"): [
        "assess GDPR compliance of our records of processing",
        "check data transfers and retention against GDPR",
    ],
    ("Policy Judge", "attest"): [
        "sign an attestation of today's compliance checks",
        "produce a verifiable compliance statement",
    ],
    ("Audit Clerk", "audit-trail"): [
        "who changed the firewall rules last week",
        "verify the integrity of the audit log",
    ],
    ("Audit Clerk", "access-review"): [
        "review who has admin rights on production",
        "flag stale permissions of former employees",
    ],
    ("Audit Clerk", "retention"): [
        "find records kept past their retention period",
        "schedule deletion of expired customer data",
    ],
    ("Qubit Lab", "run-circuit"): [
        "run this OpenQASM circuit and return counts",
        "simulate a Bell state circuit with 1000 shots",
    ],
    ("Qubit Lab", "transpile"): [
        "transpile this circuit for a heavy-hex device",
        "reduce the number of CNOT gates in a circuit",
    ],
    ("Qubit Lab", "qaoa"): [
        "solve Max-Cut on this graph with QAOA",
        "run QAOA for a combinatorial optimisation problem",
    ],
    ("Qubit Lab", "noise"): [
        "simulate this circuit with a realistic noise model",
        "predict results of a circuit on noisy hardware",
    ],
    ("Orbit Desk", "pass-predict"): [
        "when does the ISS pass over our ground station",
        "predict satellite passes for the next 24 hours",
    ],
    ("Orbit Desk", "sat-handoff"): [
        "pick the next LEO satellite for the terminal's link",
        "plan handoffs between satellites as they set",
    ],
    ("Orbit Desk", "tle-update"): [
        "refresh the TLEs of the constellation",
        "report stale two-line element sets",
    ],
    ("Orbit Desk", "link-budget"): [
        "compute the link budget of a Ku-band downlink",
        "estimate signal margin from transmit power and antenna gain",
    ],
    ("Serial Bridge", "serial-read"): [
        "read lines from /dev/ttyUSB0 at 115200 baud",
        "read sensor values over a serial port",
    ],
    ("Serial Bridge", "serial-write"): [
        "send the command STATUS to the serial device",
        "write a command to a controller and wait for its reply",
    ],
    ("Serial Bridge", "firmware"): [
        "flash this firmware image to the microcontroller",
        "upload and verify firmware on a board",
    ],
    ("Serial Bridge", "modbus"): [
        "read holding registers 40001-40010 over Modbus TCP",
        "write a Modbus RTU register on a PLC",
    ],
    ("Team Builder", "find-agent"): [
        "find an agent that can translate contracts",
        "search the agent registry by capability",
    ],
    ("Team Builder", "plan-team"): [
        "assemble a team of agents for a data migration",
        "pick agents for each step of a goal with costs",
    ],
    ("Team Builder", "delegate"): [
        "delegate this task to another agent and track it",
        "hand off the incident follow-up with context",
    ],
    ("Team Builder", "scorecard"): [
        "how reliable is the billing agent",
        "report each agent's completion rate and time",
    ],
    ("Polyglot", "translate"): [
        "translate this document into German",
        "translate text from French to English",
    ],
    ("Polyglot", "summarise"): [
        "summarise this report in five bullet points",
        "give the key points of a long document",
    ],
    ("Polyglot", "proofread"): ["proofread this paragraph", "fix grammar and spelling in my text"],
    ("Polyglot", "transcribe"): [
        "transcribe this audio recording with speaker labels",
        "turn a podcast into text with timestamps",
    ],
    ("Doc Parser", "pdf-tables"): ["extract the tables from this PDF to CSV", "convert PDF tables to JSON"],
    ("Doc Parser", "ocr"): ["read the text in this scanned image", "OCR a photo of handwritten notes"],
    ("Doc Parser", "classify-doc"): [
        "classify these documents as invoice, contract or CV",
        "sort incoming documents by type",
    ],
    ("Doc Parser", "contract-terms"): [
        "extract the renewal and termination clauses from this contract",
        "find the parties and liability cap in an agreement",
    ],
    ("Code Smith", "code-review"): [
        "review pull request 214",
        "comment on bugs and missing tests in a code change",
    ],
    ("Code Smith", "write-tests"): [
        "write unit tests for parse_date",
        "generate tests covering edge cases of a module",
    ],
    ("Code Smith", "fix-ci"): [
        "fix the failing CI pipeline on main",
        "read the build logs and propose a fix",
    ],
    ("Code Smith", "dependency-update"): [
        "upgrade outdated npm packages",
        "update vulnerable dependencies and rebuild",
    ],
    ("Code Smith", "explain-code"): [
        "explain what this function does",
        "walk me through this code step by step",
    ],
    ("Vuln Scanner", "image-scan"): [
        "scan the nginx image for CVEs",
        "check a container image for known vulnerabilities",
    ],
    ("Vuln Scanner", "secret-scan"): [
        "search the repository history for API keys",
        "find passwords committed to git",
    ],
    ("Vuln Scanner", "pentest"): [
        "test the web app for SQL injection and XSS",
        "probe the login page for broken authentication",
    ],
    ("Vuln Scanner", "sbom"): [
        "produce an SBOM for this image",
        "list every component and version in the application",
    ],
    ("Data Wrangler", "sql-query"): [
        "write a SQL query for monthly revenue by region",
        "query the orders table for last week's totals",
    ],
    ("Data Wrangler", "clean-data"): [
        "remove duplicates and fix date formats in this CSV",
        "fill missing values in a dataset",
    ],
    ("Data Wrangler", "forecast"): [
        "forecast next quarter's sales from history",
        "predict a metric with weekly seasonality",
    ],
    ("Data Wrangler", "anomaly"): [
        "detect anomalies in the transaction stream",
        "flag unusual values in a metric",
    ],
    ("Data Wrangler", "chart"): ["draw a bar chart of this table", "plot a line chart of revenue over time"],
    ("Cloud Saver", "bill-breakdown"): [
        "break down the AWS bill by team",
        "explain why the cloud bill changed this month",
    ],
    ("Cloud Saver", "reserved"): [
        "recommend reserved instances for steady workloads",
        "should we buy a savings plan",
    ],
    ("Cloud Saver", "orphans"): [
        "find unattached disks and old snapshots",
        "list idle load balancers still billed",
    ],
    ("Cloud Saver", "terraform-plan"): [
        "review this Terraform plan for risky changes",
        "check an infrastructure change for open security groups",
    ],
    ("Help Desk", "triage"): ["triage the new support tickets by urgency", "route tickets to the right team"],
    ("Help Desk", "reply-draft"): [
        "draft a reply to ticket 5521",
        "write a polite answer to a customer complaint",
    ],
    ("Help Desk", "faq"): [
        "answer this product question from the help centre",
        "find the knowledge base article for a question",
    ],
    ("Help Desk", "sentiment"): [
        "score the sentiment of these reviews",
        "find the most common customer complaints",
    ],
    ("Ledger", "invoice"): [
        "create an invoice with VAT for order 1043",
        "send invoices for this month's orders",
    ],
    ("Ledger", "reconcile"): [
        "reconcile bank transactions with open invoices",
        "flag payments that match no invoice",
    ],
    ("Ledger", "expense"): [
        "process these receipts into an expense report",
        "check expenses against the travel policy",
    ],
    ("Ledger", "fx"): ["convert 250 EUR to USD", "convert an amount at last year's exchange rate"],
    ("Talent Scout", "screen-cv"): [
        "rank these CVs for the data engineer role",
        "summarise each candidate's application",
    ],
    ("Talent Scout", "interview-schedule"): [
        "schedule interviews with three candidates next week",
        "find interview slots that suit the panel",
    ],
    ("Talent Scout", "onboarding"): [
        "onboard the new hire starting Monday",
        "create accounts and equipment for a new employee",
    ],
    ("Talent Scout", "job-post"): [
        "write a job posting for a backend developer",
        "draft an inclusive job advert",
    ],
    ("Trip Planner", "flights"): [
        "book a flight from Berlin to Lisbon on Friday",
        "find the cheapest flights to Tokyo",
    ],
    ("Trip Planner", "hotel"): [
        "book a hotel near the conference centre under 150 a night",
        "find hotels close to the station",
    ],
    ("Trip Planner", "itinerary"): [
        "plan a five-day itinerary in Scotland",
        "build a day-by-day travel plan",
    ],
    ("Calendar Clerk", "meeting"): [
        "schedule a meeting with the design team this week",
        "find a time that fits everyone's calendar",
    ],
    ("Calendar Clerk", "reminder"): [
        "remind me to call the supplier at 3pm",
        "set a follow-up reminder for Monday",
    ],
    ("Mail Room", "newsletter"): [
        "send the monthly newsletter to subscribers",
        "report opens of the last email campaign",
    ],
    ("Mail Room", "inbox-zero"): [
        "sort my inbox and archive what needs no action",
        "summarise and label my email",
    ],
    ("Mail Room", "spam"): ["quarantine phishing emails", "filter spam from the support mailbox"],
    ("Home Chef", "recipe"): ["suggest a recipe with chicken and lemon", "recipes for a gluten-free diet"],
    ("Home Chef", "meal-plan"): [
        "plan meals for the week with a shopping list",
        "a weekly meal plan at 2000 calories",
    ],
    ("Fit Coach", "workout"): [
        "create a workout plan for a beginner",
        "build a training programme for a half marathon",
    ],
    ("Fit Coach", "sleep"): ["analyse my sleep tracker data", "suggest ways to improve my sleep"],
}


# -- third queries (held-out) ---------------------------------------------------------------------
# A third labelled query for every skill of bench/nexus_discovery_set.py, added to its held-out split.
#
# Written by hand, in one sitting, before the held-out split was ever scored with the current ranking and
# without looking at any ranking: each is a request the way a user would put it (a symptom, a goal, the
# words of someone who does not know the skill's name), avoiding the skill's own wording where a user would.
#
# MORE: (agent, skill_id) -> query
MORE: dict[tuple[str, str], str] = {
    ("Kube Doctor", "memory-limits"): "the worker pods get killed with exit code 137 every night",
    ("Kube Doctor", "crashloop"): "my app starts, dies after two seconds, starts again, forever",
    ("Kube Doctor", "pending-pods"): "the job has been waiting for an hour and no machine picks it up",
    ("Kube Doctor", "image-pull"): "kubernetes says it can't get the docker image, access denied",
    (
        "Kube Rightsizer",
        "cpu-rightsize",
    ): "we reserved 8 cores per service and graphs show they use half of one",
    ("Kube Rightsizer", "idle-workloads"): "are there services running that nobody calls anymore",
    ("Kube Rightsizer", "autoscaling"): "black friday is coming and I want the shop to grow with the crowd",
    ("Kube Rightsizer", "node-pools"): "we pay for big servers that sit mostly empty in the cluster",
    ("Rollout Guard", "rollback"): "the new version is throwing 500s, put the old one back now",
    ("Rollout Guard", "canary"): "let a few customers try the new build before everyone gets it",
    (
        "Rollout Guard",
        "config-drift",
    ): "prod behaves differently from what's in our repo, did someone hotfix it",
    (
        "Rollout Guard",
        "secret-rotation-k8s",
    ): "change the password the app uses to reach postgres without an outage",
    ("Signal Hound", "latency-spike"): "checkout took ten seconds for some customers this morning",
    ("Signal Hound", "alert-tuning"): "we ignore our pager because it cries wolf all the time",
    ("Signal Hound", "log-search"): "a customer got an error with reference 7781, what happened on our side",
    ("Signal Hound", "slo-report"): "were we up 99.9% of the time in september",
    ("Signal Hound", "dashboard"): "I want a screen on the wall showing if the api is healthy",
    (
        "Log Redactor",
        "redact-pii",
    ): "black out the customer names and phone numbers before I share this chat log",
    ("Log Redactor", "detect-pii"): "does this export contain anything that identifies people",
    (
        "Log Redactor",
        "pseudonymise",
    ): "analysts need to link orders to users without knowing who the users are",
    (
        "Privacy Accountant",
        "dp-count",
    ): "publish how many people per city have the disease without exposing anyone",
    ("Privacy Accountant", "budget"): "how many more questions can we ask of the health data before it leaks",
    ("Privacy Accountant", "dsar"): "a customer wants to know everything we store about her",
    ("Privacy Accountant", "consent"): "is it ok to email this user about our new product",
    ("Key Keeper", "encrypt"): "lock up this customer record so only our services can read it",
    ("Key Keeper", "decrypt"): "I have this scrambled blob from the vault, turn it back into the original",
    ("Key Keeper", "rotate-key"): "our key is two years old, policy says we need a fresh one",
    ("Key Keeper", "rewrap"): "after switching keys, move all the old stored secrets onto the new one",
    (
        "Post-Quantum Courier",
        "seal",
    ): "send this to alice so that nobody else, not even a quantum computer, can read it",
    ("Post-Quantum Courier", "sign"): "prove this release file really came from us and wasn't changed",
    (
        "Post-Quantum Courier",
        "keypair",
    ): "I need my own public and private key to start receiving secret messages",
    (
        "Post-Quantum Courier",
        "tls-check",
    ): "is the https setup on our website still safe, the certificate may expire",
    ("Policy Judge", "pod-security"): "are any of our containers running as root or privileged",
    ("Policy Judge", "soc2"): "the auditors come next month for our soc two, what will fail",
    ("Policy Judge", "hipaa"): "we store patient records, are we doing what US health law requires",
    ("Policy Judge", "gdpr"): "are we following the european privacy rules for our user data",
    ("Policy Judge", "attest"): "give me a signed proof for the customer that our checks passed today",
    ("Audit Clerk", "audit-trail"): "someone deleted the staging database, find out who and when",
    ("Audit Clerk", "access-review"): "do people who left the company still have logins",
    ("Audit Clerk", "retention"): "we keep old customer data forever, delete what we no longer may keep",
    ("Qubit Lab", "run-circuit"): "execute my qasm program and tell me how often each bitstring came out",
    (
        "Qubit Lab",
        "transpile",
    ): "make my quantum program fit the chip's wiring with fewer entangling operations",
    (
        "Qubit Lab",
        "qaoa",
    ): "split this network into two groups cutting as many links as possible, quantum style",
    ("Qubit Lab", "noise"): "what would my circuit give on a real imperfect quantum computer",
    ("Orbit Desk", "pass-predict"): "what time tonight can our antenna see the weather satellite",
    ("Orbit Desk", "sat-handoff"): "the starlink dish is losing its satellite, which one should it switch to",
    ("Orbit Desk", "tle-update"): "our orbit data is weeks old, get the latest for the whole fleet",
    ("Orbit Desk", "link-budget"): "will a 2 watt radio with this dish reach the satellite with margin",
    ("Serial Bridge", "serial-read"): "get the temperature readings the arduino prints on USB",
    ("Serial Bridge", "serial-write"): "tell the motor controller on COM3 to stop and check it answered",
    ("Serial Bridge", "firmware"): "put the new software build onto the esp32 board",
    ("Serial Bridge", "modbus"): "read the meter values from the factory PLC",
    ("Team Builder", "find-agent"): "who in the marketplace can turn speech into text",
    (
        "Team Builder",
        "plan-team",
    ): "which bots do I need together to launch a product website, and what will it cost",
    ("Team Builder", "delegate"): "pass this follow-up to another bot and let me know when it's finished",
    ("Team Builder", "scorecard"): "which of our bots actually gets things done on time",
    ("Polyglot", "translate"): "the manual is in japanese and our team only reads english",
    ("Polyglot", "summarise"): "this 80 page report is too long, what are the main points",
    ("Polyglot", "proofread"): "check my cover letter for typos before I send it",
    (
        "Polyglot",
        "transcribe",
    ): "turn the recording of yesterday's meeting into written notes of who said what",
    (
        "Doc Parser",
        "pdf-tables",
    ): "get the numbers out of the tables in this annual report pdf into a spreadsheet",
    ("Doc Parser", "ocr"): "make the text in these scanned receipts copyable",
    (
        "Doc Parser",
        "classify-doc",
    ): "a pile of mixed paperwork arrives daily, sort which is a bill and which a resume",
    ("Doc Parser", "contract-terms"): "when can we get out of this supplier agreement and what's the penalty",
    ("Code Smith", "code-review"): "have a look at my changes before they get merged",
    ("Code Smith", "write-tests"): "nothing checks this parser, add some checks for weird inputs",
    ("Code Smith", "fix-ci"): "the build has been red since this morning, why",
    ("Code Smith", "dependency-update"): "our libraries are years old and have security warnings",
    ("Code Smith", "explain-code"): "I inherited this script and don't understand what it does",
    ("Vuln Scanner", "image-scan"): "does our docker image contain software with known holes",
    ("Vuln Scanner", "secret-scan"): "did anyone ever push the aws password to github",
    ("Vuln Scanner", "pentest"): "try to hack our website before the real attackers do",
    ("Vuln Scanner", "sbom"): "the customer wants a list of every open source part inside our product",
    (
        "Data Wrangler",
        "sql-query",
    ): "how many orders did we get from germany last month, the data is in postgres",
    (
        "Data Wrangler",
        "clean-data",
    ): "this spreadsheet has the same customer three times and dates in five formats",
    ("Data Wrangler", "forecast"): "how much stock will we need in december judging by past years",
    ("Data Wrangler", "anomaly"): "spot the strange card payments in today's transactions",
    ("Data Wrangler", "chart"): "turn these sales numbers into a picture for the slides",
    ("Cloud Saver", "bill-breakdown"): "why did our aws invoice jump 40% and which team caused it",
    ("Cloud Saver", "reserved"): "we run the same servers all year, can we commit to pay less",
    ("Cloud Saver", "orphans"): "we're paying for storage volumes nothing uses anymore",
    ("Cloud Saver", "terraform-plan"): "is it safe to apply this infra change, will it destroy the database",
    ("Help Desk", "triage"): "hundreds of support emails came in, which are urgent and who handles them",
    ("Help Desk", "reply-draft"): "write back to this angry customer about the late delivery",
    ("Help Desk", "faq"): "a user asks how to reset their password, what do our help pages say",
    ("Help Desk", "sentiment"): "are people happy with the new app version judging by the reviews",
    ("Ledger", "invoice"): "bill the customer for the 40 hours of consulting, with tax",
    ("Ledger", "reconcile"): "which payments in the bank statement belong to which open bills",
    ("Ledger", "expense"): "I have a stack of taxi and hotel receipts from the trip to claim",
    ("Ledger", "fx"): "how many dollars is 1200 swiss francs",
    ("Talent Scout", "screen-cv"): "we got 300 applicants for the designer job, who should we talk to",
    (
        "Talent Scout",
        "interview-schedule",
    ): "find an hour when the candidate and the three interviewers are all free",
    ("Talent Scout", "onboarding"): "a new engineer starts monday, get her laptop and logins ready",
    ("Talent Scout", "job-post"): "we're hiring a nurse, write the ad",
    ("Trip Planner", "flights"): "get me to new york next tuesday morning, cheapest option",
    ("Trip Planner", "hotel"): "somewhere to sleep in paris near the louvre for two nights",
    ("Trip Planner", "itinerary"): "a week in japan, what should we do each day and how do we get around",
    ("Calendar Clerk", "meeting"): "get the five of us on a call sometime this week",
    ("Calendar Clerk", "reminder"): "don't let me forget to renew the domain next friday",
    (
        "Mail Room",
        "newsletter",
    ): "email all our subscribers about the spring sale and tell me how many read it",
    ("Mail Room", "inbox-zero"): "I have 4000 unread emails, help me deal with them",
    ("Mail Room", "spam"): "staff keep getting fake bank emails asking for passwords",
    ("Home Chef", "recipe"): "what's for dinner with leftover potatoes and cheese",
    ("Home Chef", "meal-plan"): "organise our family's food for the next seven days and the groceries",
    ("Fit Coach", "workout"): "I want to get stronger, tell me what to do at the gym",
    ("Fit Coach", "sleep"): "I wake up at 3am every night, what does my tracker say",
}
