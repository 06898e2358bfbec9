"""Word parts the sampler composes plan wording from (original wording, not taken from any plan)."""
from __future__ import annotations

VERBS = ["Develop", "Introduce", "Review", "Establish", "Launch", "Agree", "Publish", "Train", "Commission",
         "Audit", "Refresh", "Co-produce", "Map", "Pilot", "Embed", "Strengthen", "Redesign", "Extend"]
OBJECTS = ["a multi-agency panel for", "a shared dashboard on", "guidance for schools on", "a training offer on",
           "a quality assurance cycle for", "a joint protocol for", "the local offer pages about",
           "a single referral route for", "a workforce plan for", "an outreach service for",
           "a peer review of", "a parent survey about", "termly data reports on", "a tracking tool for"]
TOPICS = ["EHC needs assessments", "annual reviews", "speech and language therapy", "neurodevelopmental pathways",
          "transitions to adult services", "alternative provision", "school exclusions", "home to school transport",
          "short breaks", "occupational therapy waiting lists", "preparation for adulthood", "sensory support",
          "early years inclusion", "mental health support in schools", "personal budgets", "tribunal outcomes"]
PURPOSES = ["so that families receive timely support", "to reduce waiting times", "with the parent carer forum",
            "across education, health and care", "so that plans are reviewed on time", "in every locality",
            "to improve the quality of advice", "and report progress to the partnership board"]
TRAPS = ["Decrease", "Mayor", "Separate", "Marching", "Augment", "Junction", "Decide"]

ROLES = ["Head of SEND", "Designated Clinical Officer", "Assistant Director, Education", "SENCO network chair",
         "Chair, Parent Carer Forum", "ICB Head of Children's Commissioning", "Principal Educational Psychologist",
         "Service Manager, Short Breaks", "NHS Trust Therapy Lead", "Virtual School Head", "Inclusion Manager",
         "Director of Nursing, ICB", "Preparation for Adulthood Lead", "Head of Commissioning (Council)"]
MEASURE_PARTS = ["{p}% of EHC plans issued within 20 weeks", "Decrease {p} per cent in repeat referrals",
                 "waiting time under {n} weeks",
                 "{p}% of parents report improved communication", "audit grades good or better in {p}% of cases",
                 "{n} schools trained", "annual reviews on time rise to {p}%", "complaints fall by {p}%"]

PLACES = ["Eastmoor", "Kellingford", "Westbridge", "Harrowdale", "Northfleet Vale", "Ashcombe", "Lindenshire"]

WEAK_HEAD = ["The quality of", "Weak oversight of", "Inconsistent", "Long waits for", "Poor co-ordination of",
             "The limited reach of", "Gaps in"]
WEAK_TAIL = ["and their impact on children and young people", "across the local area",
             "which leaves families without support", "for young people aged 16 to 25", "in mainstream settings"]

# Column header wordings per role: known synonyms, wordings not in any list, and long forms.
HEADERS: dict[str, dict[str, list[str]]] = {
    "ref": {"known": ["Ref", "No.", "Reference", "Action No", "#"],
            "unknown": ["Code", "Line", "Key"],
            "long": ["Action reference number in this plan"]},
    "weakness": {"known": ["Area of weakness", "Significant weakness", "Priority area", "Area of concern"],
                 "unknown": ["What inspectors found", "Inspection finding we address", "Theme"],
                 "long": ["The area of significant weakness identified by inspectors"]},
    "action": {"known": ["Action", "Actions", "What we will do", "Key actions", "Activity"],
               "unknown": ["Intervention", "Planned response", "Improvement step", "Work to be done"],
               "long": ["What partners across the local area will do to put this right for families"]},
    "lead": {"known": ["Lead", "Lead officer", "Owner", "Responsible officer", "Accountable lead"],
             "unknown": ["Senior sponsor", "Named person", "Champion"],
             "long": ["Which officer in which organisation is accountable for delivery"]},
    "start": {"known": ["Start", "Start date", "From", "Commencement"],
              "unknown": ["Kick-off", "Begins", "Opening month"],
              "long": ["Month in which the work on this action will begin"]},
    "deadline": {"known": ["Deadline", "Timescale", "By when", "Target date", "Completion date", "Due"],
                 "unknown": ["Finish", "Close", "Delivery month"],
                 "long": ["Date by which this action will be fully completed and embedded"]},
    "measures": {"known": ["Success measures", "Impact", "How we will know", "Success criteria", "KPI"],
                 "unknown": ["Difference it makes", "Signs of change", "Result"],
                 "long": ["What difference families will see and how we will measure it"]},
    "milestones": {"known": ["Milestones", "Key milestones", "Interim milestones"],
                   "unknown": ["Steps", "Checkpoints", "Stages"],
                   "long": ["Interim steps on the way to full delivery of the action"]},
    "resource": {"known": ["Resource", "Resources required", "Funding", "Cost"],
                 "unknown": ["Budget line", "Capacity", "Inputs"],
                 "long": ["Additional resource or funding needed to deliver this"]},
    "status": {"known": ["RAG", "Status", "BRAG", "RAG status", "Rating"],
               "unknown": ["Position", "Health", "Traffic light"],
               "long": ["Current delivery status against the agreed timescale"]},
    "progress": {"known": ["Progress update", "Update", "Commentary"],
                 "unknown": ["Narrative", "Latest position", "Notes"],
                 "long": ["Summary of progress made since the last board meeting"]},
}
TWO_ROW_GROUP = {("start", "deadline"): ["Timescale", "Dates", "When"], ("lead", "resource"): ["Delivery"],
                 ("measures", "progress"): ["Monitoring"]}
