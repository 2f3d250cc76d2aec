// The one place a secret may live. Access is by Azure RBAC only (no access policies): the app's
// managed identity may read secrets (Key Vault Secrets User) and nothing else. App settings hold
// Key Vault references to these secrets, never their values. Three secrets: the Entra app's client
// secret, a single-tenant bot's secret, and the Application Insights connection string (config
// treats it as a secret: whoever holds it can write telemetry as the app).

@description('Azure region for the vault.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Name of the vault: 3 to 24 letters and digits, unique across Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Object (principal) id of the managed identity that reads the secrets at run time.')
param readerPrincipalId string

@description('Turn on purge protection: a deleted vault and its secrets cannot be purged before the retention period ends. Once on, it cannot be turned off.')
param purgeProtection bool

@description('Names of the secrets, shared with the Key Vault references in the app settings.')
param secretNames object

@description('Application Insights component whose connection string is kept here.')
param appInsightsName string

@secure()
@description('The Entra app\'s client secret (AZURE_CLIENT_SECRET); empty to leave the vault\'s current value alone.')
param aadAppClientSecret string

@secure()
@description('The single-tenant bot\'s client secret (BOT_APP_PASSWORD); empty to leave the vault\'s current value alone.')
param botAppPassword string

// Key Vault Secrets User: read secret values, nothing else. A built-in role; its id is the same in every tenant.
var secretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be switched off once on, so "off" is expressed by leaving it out.
    enablePurgeProtection: purgeProtection ? true : null
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: secretsUserRole
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Written only when a value was given, so a re-run without the secret at hand never blanks it.
resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(aadAppClientSecret)) {
  parent: vault
  name: secretNames.aadAppClientSecret
  properties: {
    value: aadAppClientSecret
    contentType: 'Entra app client secret (AZURE_CLIENT_SECRET)'
  }
}

resource telemetry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.appInsightsConnectionString
  properties: {
    value: appInsights.properties.ConnectionString
    contentType: 'Application Insights connection string (APPLICATIONINSIGHTS_CONNECTION_STRING)'
  }
}

resource botPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: secretNames.botAppPassword
  properties: {
    value: botAppPassword
    contentType: 'Single-tenant bot client secret (BOT_APP_PASSWORD)'
  }
}

@description('The vault\'s URI, ending in a slash: Key Vault references are built from it.')
output vaultUri string = vault.properties.vaultUri

@description('Name of the vault.')
output name string = vault.name
