"""Write-audit-publish builds: build aside, test, then publish the warehouse whole."""
