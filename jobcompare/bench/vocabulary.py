"""Word lists the synthetic roles are drawn from."""

SENIORITY = (
    "", "Junior", "Senior", "Lead", "Principal", "Chief", "Assistant", "Associate", "Staff",
    "Head",
)  # fmt: skip
DOMAINS = (
    "Customer Service", "Data", "Marketing", "Sales", "Payroll", "Warehouse", "Logistics",
    "Accounting", "Finance", "Human Resources", "Recruiting", "Training", "Quality",
    "Safety", "Maintenance", "Facilities", "Security", "Network", "Software", "Cloud",
    "Database", "Help Desk", "Retail", "Store", "Restaurant", "Kitchen", "Bakery", "Hotel",
    "Event", "Travel", "Insurance", "Claims", "Credit", "Loan", "Tax", "Audit", "Compliance",
    "Legal", "Contract", "Procurement", "Purchasing", "Inventory", "Supply Chain", "Fleet",
    "Dispatch", "Transportation", "Construction", "Electrical", "Plumbing", "Medical",
    "Dental", "Pharmacy", "Nursing", "Patient Care", "Laboratory", "Research", "Teaching",
    "Library", "Social Media", "Content",
)  # fmt: skip
FUNCTIONS = (
    "Manager", "Analyst", "Specialist", "Representative", "Coordinator", "Engineer", "Clerk",
    "Technician", "Supervisor", "Director", "Consultant", "Assistant", "Administrator",
    "Officer", "Planner", "Agent", "Advisor", "Associate", "Auditor", "Designer",
    "Developer", "Inspector", "Instructor", "Operator", "Scheduler", "Trainer",
    "Architect", "Estimator", "Buyer", "Recruiter",
)  # fmt: skip
SKILL_PREFIXES = (
    "Customer", "Data", "Inventory", "Project", "Risk", "Quality", "Sales", "Cash", "Payroll",
    "Vendor", "Budget", "Patient", "Food", "Safety", "Network", "Cloud", "Contract",
    "Account", "Brand", "Content", "Supply Chain", "Retail", "Staff", "Event", "Tax",
    "Credit", "Claims", "Warehouse", "Fleet", "Training",
)  # fmt: skip
SKILL_NOUNS = (
    "Service", "Management", "Analysis", "Control", "Planning", "Reporting", "Handling",
    "Compliance", "Relations", "Support", "Operations", "Scheduling", "Auditing", "Strategy",
    "Coordination",
)  # fmt: skip
DEGREES = (
    "Bachelor's Degree", "Associate Degree", "High School Diploma", "Master's Degree",
    "Doctoral Degree", "Certificate",
)  # fmt: skip
CITIES = (
    ("Washington", "DC"), ("Goldsboro", "NC"), ("Boston", "MA"), ("Seattle", "WA"),
    ("Austin", "TX"), ("San Francisco", "CA"), ("New York", "NY"), ("Chicago", "IL"),
    ("Denver", "CO"), ("Atlanta", "GA"), ("Phoenix", "AZ"), ("Portland", "OR"),
    ("Minneapolis", "MN"), ("Detroit", "MI"), ("Miami", "FL"), ("Nashville", "TN"),
    ("Newark", "NJ"), ("Hartford", "CT"), ("Anchorage", "AK"), ("Honolulu", "HI"),
    ("Salt Lake City", "UT"), ("Omaha", "NE"), ("Richmond", "VA"), ("Baltimore", "MD"),
)  # fmt: skip
STATES = (
    "New Jersey", "New York", "Massachusetts", "California", "Washington", "Texas",
    "Connecticut", "Alaska", "Hawaii", "Maryland", "Virginia", "Colorado", "Illinois",
    "Oregon", "Minnesota", "Delaware", "Rhode Island", "North Dakota",
)  # fmt: skip
COMPANIES = (
    "KLA", "IBM", "Dell", "Acme", "Globex", "Initech", "Umbrella", "Stark Industries",
    "Wayne Enterprises", "Hooli", "Vandelay Industries", "Soylent", "Cyberdyne", "Tyrell",
    "Wonka Industries", "Gringotts", "Oscorp", "Aperture Science", "Black Mesa", "Massive Dynamic",
)  # fmt: skip
INDUSTRIES = (
    "Manufacturing", "Insurance", "Finance", "Technology", "Retail", "Hospitality",
    "Health Care", "Education", "Government", "Transportation", "Energy", "Media",
    "Telecommunication", "Professional", "Construction", "Pharmaceutical",
)  # fmt: skip
MAJORS = (
    "Business", "Accounting", "Finance", "Marketing", "Psychology", "Communication",
    "Computer Science", "Nursing", "Biology", "Culinary Arts", "Criminal Justice",
    "Education", "Engineering", "Economics", "English",
)  # fmt: skip
COLLEGES = (
    "University of Pennsylvania", "Ohio State University", "University of Michigan",
    "Arizona State University", "University of Florida", "Texas A&M University",
    "Penn State", "Rutgers University", "University of Washington", "Georgia State University",
)  # fmt: skip
RACE_GROUPS = (
    "Black or African American", "Unknown", "Hispanic or Latino", "Asian", "White",
    "American Indian and Alaska Native",
)  # fmt: skip
DURATIONS = (
    "Less than 1 month", "1-3 months", "6-12 months", "1 year", "1-2 years", "2-4 years",
    "4-6 years", "6-8 years",
)  # fmt: skip
DUTY_VERBS = (
    "Manage", "Coordinate", "Review", "Prepare", "Lead", "Support", "Monitor", "Improve",
    "Plan", "Report on",
)  # fmt: skip
