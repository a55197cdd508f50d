"""The ActiveCampaign API v3 client: session, throttle, retry, errors, paging, payloads."""
